using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ML_PREDICTION: a model's forecast for one instrument over a horizon.</summary>
[MemoryPackable]
public sealed partial record MlPrediction(
    string ModelId,
    InstrumentId InstrumentId,
    TimeSpan Horizon,
    double Prediction,
    double Confidence,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.MlPrediction;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
