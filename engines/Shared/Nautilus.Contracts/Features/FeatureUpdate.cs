using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>FEATURE_UPDATE: feature values of one instrument at one bar close.</summary>
[MessagePackObject]
public sealed record FeatureUpdate(
    [property: Key(0)] string InstrumentId,
    [property: Key(1)] long TsEventNs,
    [property: Key(2)] IReadOnlyDictionary<string, double> Values) : IMessage
{
    public static MessageType Type => MessageType.FeatureUpdate;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
