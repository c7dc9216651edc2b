using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nautilus.Portfolio.Engine.Extensions;

/// <summary>What the Portfolio engine counts: optimisations by objective and outcome, and how long they take.</summary>
public sealed class PortfolioMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Portfolio";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _optimisations;
    private readonly Histogram<double> _duration;

    public PortfolioMetrics()
    {
        _optimisations = _meter.CreateCounter<long>("nautilus.portfolio.optimisations",
            description: "Optimisations served, by objective and outcome");
        _duration = _meter.CreateHistogram<double>("nautilus.portfolio.optimisation.duration", "ms", "Time to optimise a portfolio");
    }

    public void Optimised(string objective, bool succeeded, TimeSpan took)
    {
        var tags = new TagList { { "objective", objective }, { "outcome", succeeded ? "solved" : "refused" } };
        _optimisations.Add(1, tags);
        _duration.Record(took.TotalMilliseconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
