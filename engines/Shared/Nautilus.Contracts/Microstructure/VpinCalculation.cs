using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// VPIN_CALCULATION: volume-synchronised probability of informed trading of one instrument after a full volume bucket, its CDF
/// over the instrument's VPIN history, the toxicity level that CDF puts it at and the price the bucket ended at.
/// </summary>
[MemoryPackable]
public sealed partial record VpinCalculation(
    InstrumentId InstrumentId,
    double Vpin,
    double CdfPercentile,
    Quantity BucketVolume,
    int Buckets,
    ToxicityLevel Level,
    Price LastPrice,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.VpinCalculation;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
