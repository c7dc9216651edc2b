using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>FEATURE_UPDATE: feature values of one instrument at one bar close.</summary>
[MemoryPackable]
public sealed partial record FeatureUpdate(
    string InstrumentId,
    long TsEventNs,
    IReadOnlyDictionary<string, double> Values) : IMessage
{
    public static MessageType Type => MessageType.FeatureUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
