using System.Diagnostics.Metrics;

namespace Nautilus.Factor.Engine.Extensions;

/// <summary>What the Factor engine counts: cross-sectional regressions and model runs, and how long they take.</summary>
public sealed class FactorMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Factor";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _regressions;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _assets;
    private readonly Counter<long> _modelDays;
    private readonly Histogram<double> _modelDuration;

    public FactorMetrics()
    {
        _regressions = _meter.CreateCounter<long>("nautilus.factor.regressions", description: "Cross-sectional regressions run");
        _duration = _meter.CreateHistogram<double>("nautilus.factor.regression.duration", "ms", "Time to regress one day's cross-section");
        _assets = _meter.CreateHistogram<long>("nautilus.factor.regression.assets", description: "Assets in a regressed cross-section");
        _modelDays = _meter.CreateCounter<long>("nautilus.factor.model.days", description: "Days modelled by factor model runs");
        _modelDuration = _meter.CreateHistogram<double>("nautilus.factor.model.duration", "ms", "Time to build a run's factor model");
    }

    public void Regressed(int assets, TimeSpan took)
    {
        _regressions.Add(1);
        _duration.Record(took.TotalMilliseconds);
        _assets.Record(assets);
    }

    public void ModelBuilt(int days, TimeSpan took)
    {
        _modelDays.Add(days);
        _modelDuration.Record(took.TotalMilliseconds);
    }

    public void Dispose() => _meter.Dispose();
}
