using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nautilus.Backtesting.Engine.Extensions;

/// <summary>What the Backtesting engine counts: runs by outcome, bars replayed, run time, sweep combinations; and its spans.</summary>
public sealed class BacktestingMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Backtesting";

    public static readonly ActivitySource Source = new(MeterName);

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _runs;
    private readonly Counter<long> _bars;
    private readonly Counter<long> _combinations;
    private readonly Histogram<double> _duration;

    public BacktestingMetrics()
    {
        _runs = _meter.CreateCounter<long>("nautilus.backtesting.runs", "{run}",
            "Backtests by outcome (queued, completed, failed, cancelled)");
        _bars = _meter.CreateCounter<long>("nautilus.backtesting.bars", "{bar}", "Bars replayed by runs and sweeps");
        _combinations = _meter.CreateCounter<long>("nautilus.backtesting.sweep.combinations", "{combination}", "Sweep combinations run");
        _duration = _meter.CreateHistogram<double>("nautilus.backtesting.run.duration", "s", "Time a completed run took");
    }

    public void Queued() => _runs.Add(1, new KeyValuePair<string, object?>("outcome", "queued"));

    public void Ended(string outcome) => _runs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Completed(long bars, long started)
    {
        _bars.Add(bars);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public void SweepPoints(int combinations, long bars)
    {
        _combinations.Add(combinations);
        _bars.Add(bars);
    }

    public void Dispose() => _meter.Dispose();
}
