using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ML_PREDICTION: a model's forecast for one instrument over a horizon.</summary>
[MessagePackObject]
public sealed record MlPrediction(
    [property: Key(0)] string ModelId,
    [property: Key(1)] string InstrumentId,
    [property: Key(2)] TimeSpan Horizon,
    [property: Key(3)] double Prediction,
    [property: Key(4)] double Confidence,
    [property: Key(5)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.MlPrediction;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
