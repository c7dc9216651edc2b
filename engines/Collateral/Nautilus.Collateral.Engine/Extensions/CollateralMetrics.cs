using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nautilus.Collateral.Engine.Extensions;

/// <summary>What the Collateral engine counts: calculations by kind and their time, accounts evaluated, margin calls.</summary>
public sealed class CollateralMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Collateral";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _calculations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _evaluations;
    private readonly Counter<long> _calls;

    public CollateralMetrics()
    {
        _calculations = _meter.CreateCounter<long>("nautilus.collateral.calculations", "{calculation}", "Calculations served, by kind");
        _duration = _meter.CreateHistogram<double>("nautilus.collateral.calculation.duration", "ms", "Time to compute, by kind");
        _evaluations = _meter.CreateCounter<long>("nautilus.collateral.evaluations", "{account}", "Accounts margined and forecast live");
        _calls = _meter.CreateCounter<long>("nautilus.collateral.margin_calls", "{call}", "MARGIN_CALLs published");
    }

    public void Calculated(string kind, long started)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _calculations.Add(1, tag);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
    }

    public void Evaluated(int accounts) => _evaluations.Add(accounts);

    public void Called() => _calls.Add(1);

    public void Dispose() => _meter.Dispose();
}
