using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Strategy.Domain;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Handlers;

/// <summary>ML_PREDICTION: a model's forecast of an instrument to its strategies (<c>OnPrediction</c>).</summary>
public sealed class MlPredictionHandler(StrategyRuntime runtime) : IMessageHandler<MlPrediction>
{
    public async ValueTask HandleAsync(MlPrediction message, MessageContext context, CancellationToken ct)
    {
        await runtime.Ready.WaitAsync(ct);
        var prediction = new Prediction(message.ModelId, message.InstrumentId, message.Horizon, message.Prediction, message.Confidence,
            message.TsEvent);
        await runtime.ForHostsOfAsync(prediction.InstrumentId, host => host.OnPrediction(prediction), ct);
    }
}
