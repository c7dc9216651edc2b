using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>MARGIN_CALL: collateral required above what is available.</summary>
[MessagePackObject]
public sealed record MarginCall(
    [property: Key(0)] string AccountId,
    [property: Key(1)] decimal Required,
    [property: Key(2)] decimal Available,
    [property: Key(3)] decimal Shortfall,
    [property: Key(4)] long DueByNs,
    [property: Key(5)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.MarginCall;

    [IgnoreMember]
    public string PartitionKey => AccountId;
}
