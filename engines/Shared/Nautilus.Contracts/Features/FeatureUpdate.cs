using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>FEATURE_UPDATE: feature values of one series of bars (<see cref="BarType"/>) at the close of the bar <see cref="TsEvent"/>.</summary>
[MemoryPackable]
public sealed partial record FeatureUpdate(
    BarType BarType,
    UnixNanos TsEvent,
    IReadOnlyDictionary<string, double> Values) : IMessage
{
    public static MessageType Type => MessageType.FeatureUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => BarType.InstrumentId.Symbol;
}
