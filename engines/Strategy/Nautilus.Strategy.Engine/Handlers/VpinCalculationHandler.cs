using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Strategy.Domain;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Handlers;

/// <summary>
/// VPIN_CALCULATION: an instrument's VPIN to its strategies as features: <c>vpin</c>, <c>vpin_cdf</c> and <c>toxicity</c> (0 normal,
/// 1 toxic, 2 flash-crash warning). Mean-reversion filters entries on them.
/// </summary>
public sealed class VpinCalculationHandler(StrategyRuntime runtime) : IMessageHandler<VpinCalculation>
{
    public async ValueTask HandleAsync(VpinCalculation message, MessageContext context, CancellationToken ct)
    {
        await runtime.Ready.WaitAsync(ct);
        var features = new FeatureValues(message.InstrumentId, message.TsEvent, new Dictionary<string, double>
        {
            ["vpin"] = message.Vpin,
            ["vpin_cdf"] = message.CdfPercentile,
            ["toxicity"] = (double)message.Level,
        });
        await runtime.ForHostsOfAsync(features.InstrumentId, host => host.OnFeature(features), ct);
    }
}
