using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ML_PREDICTION: a model's forecast for one instrument over a horizon.</summary>
[MemoryPackable]
public sealed partial record MlPrediction(
    string ModelId,
    string InstrumentId,
    TimeSpan Horizon,
    double Prediction,
    double Confidence,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.MlPrediction;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
