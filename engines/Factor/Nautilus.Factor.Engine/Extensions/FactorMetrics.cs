using System.Diagnostics.Metrics;

namespace Nautilus.Factor.Engine.Extensions;

/// <summary>What the Factor engine counts: cross-sectional regressions and how long they take.</summary>
public sealed class FactorMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Factor";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _regressions;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _assets;

    public FactorMetrics()
    {
        _regressions = _meter.CreateCounter<long>("nautilus.factor.regressions", description: "Cross-sectional regressions run");
        _duration = _meter.CreateHistogram<double>("nautilus.factor.regression.duration", "ms", "Time to regress one day's cross-section");
        _assets = _meter.CreateHistogram<long>("nautilus.factor.regression.assets", description: "Assets in a regressed cross-section");
    }

    public void Regressed(int assets, TimeSpan took)
    {
        _regressions.Add(1);
        _duration.Record(took.TotalMilliseconds);
        _assets.Record(assets);
    }

    public void Dispose() => _meter.Dispose();
}
