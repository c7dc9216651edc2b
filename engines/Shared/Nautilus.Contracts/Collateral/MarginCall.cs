using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>MARGIN_CALL: collateral required above what is available.</summary>
[MemoryPackable]
public sealed partial record MarginCall(
    string AccountId,
    decimal Required,
    decimal Available,
    decimal Shortfall,
    long DueByNs,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.MarginCall;

    [MemoryPackIgnore]
    public string PartitionKey => AccountId;
}
