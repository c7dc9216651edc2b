using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>FEATURE_UPDATE: feature values of one instrument at the close of one bar of <see cref="IntervalSeconds"/>.</summary>
[MemoryPackable]
public sealed partial record FeatureUpdate(
    string InstrumentId,
    long TsEventNs,
    IReadOnlyDictionary<string, double> Values,
    int IntervalSeconds = 60) : IMessage
{
    public static MessageType Type => MessageType.FeatureUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
