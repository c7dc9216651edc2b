using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nautilus.Risk.Engine.Extensions;

/// <summary>What the Risk engine counts: calculations by kind and method, pre-trade checks by outcome.</summary>
public sealed class RiskMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Risk";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _calculations;
    private readonly Counter<long> _checks;
    private readonly Histogram<double> _duration;

    public RiskMetrics()
    {
        _calculations = _meter.CreateCounter<long>("nautilus.risk.calculations",
            description: "Risk calculations served, by kind and method");
        _checks = _meter.CreateCounter<long>("nautilus.risk.pretrade_checks", description: "Pre-trade checks, by outcome");
        _duration = _meter.CreateHistogram<double>("nautilus.risk.calculation.duration", "ms", "Time to compute a risk figure");
    }

    public void Calculated(string kind, string method, TimeSpan took)
    {
        var tags = new TagList { { "kind", kind }, { "method", method } };
        _calculations.Add(1, tags);
        _duration.Record(took.TotalMilliseconds, tags);
    }

    public void Checked(bool accepted) => _checks.Add(1, new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "refused"));

    public void Dispose() => _meter.Dispose();
}
