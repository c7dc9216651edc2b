using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>VPIN_CALCULATION: volume-synchronised probability of informed trading of one instrument.</summary>
[MemoryPackable]
public sealed partial record VpinCalculation(
    InstrumentId InstrumentId,
    double Vpin,
    double CdfPercentile,
    Quantity BucketVolume,
    int Buckets,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.VpinCalculation;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
