using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>MARGIN_CALL: collateral required above what is available.</summary>
[MemoryPackable]
public sealed partial record MarginCall(
    AccountId AccountId,
    Money Required,
    Money Available,
    Money Shortfall,
    UnixNanos DueBy,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.MarginCall;

    [MemoryPackIgnore]
    public string PartitionKey => AccountId.Value;
}
