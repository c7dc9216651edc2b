using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>VPIN_CALCULATION: volume-synchronised probability of informed trading of one instrument.</summary>
[MessagePackObject]
public sealed record VpinCalculation(
    [property: Key(0)] string InstrumentId,
    [property: Key(1)] double Vpin,
    [property: Key(2)] double CdfPercentile,
    [property: Key(3)] decimal BucketVolume,
    [property: Key(4)] int Buckets,
    [property: Key(5)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.VpinCalculation;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
