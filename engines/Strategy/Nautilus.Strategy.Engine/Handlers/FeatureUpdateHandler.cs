using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Strategy.Domain;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Handlers;

/// <summary>FEATURE_UPDATE: feature values of an instrument's bars to its strategies (<c>OnFeature</c>).</summary>
public sealed class FeatureUpdateHandler(StrategyRuntime runtime) : IMessageHandler<FeatureUpdate>
{
    public async ValueTask HandleAsync(FeatureUpdate message, MessageContext context, CancellationToken ct)
    {
        await runtime.Ready.WaitAsync(ct);
        var features = new FeatureValues(message.BarType.InstrumentId, message.TsEvent, message.Values);
        await runtime.ForHostsOfAsync(features.InstrumentId, host => host.OnFeature(features), ct);
    }
}
