using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>VPIN_CALCULATION: volume-synchronised probability of informed trading of one instrument.</summary>
[MemoryPackable]
public sealed partial record VpinCalculation(
    string InstrumentId,
    double Vpin,
    double CdfPercentile,
    decimal BucketVolume,
    int Buckets,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.VpinCalculation;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
