using System.Diagnostics.Metrics;

namespace Nautilus.Strategy.Engine.Extensions;

/// <summary>What the Strategy engine counts: deployments, orders sent and signals given, by strategy.</summary>
public sealed class StrategyEngineMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Strategy";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _deployed;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _signals;

    public StrategyEngineMetrics()
    {
        _deployed = _meter.CreateCounter<long>("nautilus.strategy.deployments", "{deployment}", "Strategies deployed, by built-in");
        _orders = _meter.CreateCounter<long>("nautilus.strategy.orders", "{order}", "ORDER_REQUESTs sent, by deployment");
        _signals = _meter.CreateCounter<long>("nautilus.strategy.signals", "{signal}", "STRATEGY_SIGNALs given, by deployment");
    }

    public void Deployed(string strategy) => _deployed.Add(1, new KeyValuePair<string, object?>("strategy", strategy));

    public void Sent(string deployment, int orders, int signals)
    {
        if (orders > 0)
        {
            _orders.Add(orders, new KeyValuePair<string, object?>("deployment", deployment));
        }

        if (signals > 0)
        {
            _signals.Add(signals, new KeyValuePair<string, object?>("deployment", deployment));
        }
    }

    public void Dispose() => _meter.Dispose();
}
