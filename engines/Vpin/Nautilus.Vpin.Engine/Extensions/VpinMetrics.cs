using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nautilus.Model;
using Nautilus.Vpin.Engine.Apis;

namespace Nautilus.Vpin.Engine.Extensions;

/// <summary>What the VPIN engine counts: trades bucketed, full buckets, toxicity alerts by level; and its spans.</summary>
public sealed class VpinMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Vpin";

    public static readonly ActivitySource Source = new(MeterName);

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _trades;
    private readonly Counter<long> _buckets;
    private readonly Counter<long> _alerts;
    private readonly Histogram<double> _vpin;

    public VpinMetrics()
    {
        _trades = _meter.CreateCounter<long>("nautilus.vpin.trades", "{trade}", "Trades classified and bucketed");
        _buckets = _meter.CreateCounter<long>("nautilus.vpin.buckets", "{bucket}", "Volume buckets filled");
        _alerts = _meter.CreateCounter<long>("nautilus.vpin.alerts", "{alert}", "Changes of toxicity level, by the level reached");
        _vpin = _meter.CreateHistogram<double>("nautilus.vpin.value", null, "VPIN after each full bucket");
    }

    public void Traded() => _trades.Add(1);

    public void Filled(double vpin)
    {
        _buckets.Add(1);
        if (double.IsFinite(vpin))
        {
            _vpin.Record(vpin);
        }
    }

    public void Alerted(ToxicityLevel level) => _alerts.Add(1, new KeyValuePair<string, object?>("level", ToxicityNames.Of(level)));

    public void Dispose() => _meter.Dispose();
}
