using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nautilus.Portfolio.Engine.Extensions;

/// <summary>
/// What the Portfolio engine counts: optimisations by objective and outcome and how long they take; fills booked, valuations
/// published, rebalancing orders sent.
/// </summary>
public sealed class PortfolioMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Portfolio";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _optimisations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _fills;
    private readonly Counter<long> _valuations;
    private readonly Counter<long> _rebalanceOrders;

    public PortfolioMetrics()
    {
        _optimisations = _meter.CreateCounter<long>("nautilus.portfolio.optimisations",
            description: "Optimisations served, by objective and outcome");
        _duration = _meter.CreateHistogram<double>("nautilus.portfolio.optimisation.duration", "ms", "Time to optimise a portfolio");
        _fills = _meter.CreateCounter<long>("nautilus.portfolio.fills", description: "Fills booked to portfolios, by outcome");
        _valuations = _meter.CreateCounter<long>("nautilus.portfolio.valuations", description: "Valuations stored and published");
        _rebalanceOrders = _meter.CreateCounter<long>("nautilus.portfolio.rebalance.orders",
            description: "Orders sent for approved rebalancing proposals");
    }

    public void Optimised(string objective, bool succeeded, TimeSpan took)
    {
        var tags = new TagList { { "objective", objective }, { "outcome", succeeded ? "solved" : "refused" } };
        _optimisations.Add(1, tags);
        _duration.Record(took.TotalMilliseconds, tags);
    }

    public void FillBooked() => _fills.Add(1, new KeyValuePair<string, object?>("outcome", "booked"));

    /// <summary>A fill from before fills named their account: it cannot be booked to a portfolio.</summary>
    public void FillWithoutAccount() => _fills.Add(1, new KeyValuePair<string, object?>("outcome", "no-account"));

    public void Valued() => _valuations.Add(1);

    public void RebalanceOrdersSent(int count) => _rebalanceOrders.Add(count);

    public void Dispose() => _meter.Dispose();
}
