// The backtester through the same code the engines run (strategy API, pre-trade check, execution core):
// 1. sma-cross(10, 50) over 2,000,000 one-minute bars of a random walk, one thread, median of 5 after a warm-up;
// 2. every sma-cross pair 2 <= fast < slow <= 100 (4,851) over SPY's daily closes, on every core;
// 3. the managed heap after each of 100 consecutive backtests of 200,000 bars.
// Usage: dotnet run -c Release --project bench/Nautilus.Bench.Backtesting
using System.Diagnostics;
using System.Globalization;
using Nautilus.Backtesting.Domain;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Model;
using Nautilus.Strategy.Domain.Catalog;

Console.WriteLine($"backtesting benchmarks, {Environment.ProcessorCount} cores");
var syn = new InstrumentId("SYN", "SIM");
var minute = new BarType(syn, 60);
var random = new Random(1);
var walk = new IMarketData[2_000_000];
var price = 100.0;
var start = UnixNanos.From(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
for (var i = 0; i < walk.Length; i++)
{
    var open = price;
    price *= Math.Exp(0.0005 * (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())));
    var (o, c) = (Price.FromDouble(Math.Round(open, 2), 2), Price.FromDouble(Math.Round(price, 2), 2));
    walk[i] = new Bar(minute, o, o > c ? o : c, o < c ? o : c, c, Quantity.FromDecimal(1_000, 0), 10, start + TimeSpan.FromMinutes(i));
}

BacktestSettings Settings(InstrumentId id, int periodsPerYear, bool full) =>
    new(100_000m, VenueOptions.Frictionless, [TradableInstrument.Equity(id)], periodsPerYear, FullStatistics: full);

var parameters = new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 50 };
// A single backtest computes every statistic; a sweep's runs only the one-pass summary it ranks by (as the engine's sweeps).
BacktestResult RunOnce(IReadOnlyList<IMarketData> bars, InstrumentId id, Dictionary<string, double> p, int periodsPerYear,
    bool full = true) =>
    new BacktestKernel(Settings(id, periodsPerYear, full), StrategyCatalog.Create("sma-cross", p, 1)).Run(bars);

RunOnce(walk, syn, parameters, 98_280);
var rates = new List<double>();
BacktestResult? last = null;
for (var round = 0; round < 5; round++)
{
    var started = Stopwatch.GetTimestamp();
    last = RunOnce(walk, syn, parameters, 98_280);
    rates.Add(walk.Length / Stopwatch.GetElapsedTime(started).TotalSeconds);
}

rates.Sort();
Console.WriteLine($"sma-cross(10,50), {walk.Length:N0} bars, one thread: median {rates[2] / 1e6:F2} M bars/s "
    + $"(best {rates[^1] / 1e6:F2}, worst {rates[0] / 1e6:F2}); {last!.Fills.Count:N0} fills; target >= 2 M bars/s");

// 2. The sweep over SPY.
var spy = new InstrumentId("SPY", "ARCX");
var daily = new BarType(spy, 86_400);
var spyBars = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "spy_prices.csv")).Skip(1)
    .Select(l => l.Split(','))
    .Where(p => p.Length == 2 && p[1].Length > 0)
    .Select(p =>
    {
        var close = decimal.Parse(p[1], CultureInfo.InvariantCulture);
        var px = Price.FromDecimal(close, Math.Max(2, (int)close.Scale));
        var day = DateOnly.ParseExact(p[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (IMarketData)new Bar(daily, px, px, px, px, Quantity.FromDecimal(1, 0), 0,
            UnixNanos.From(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
    })
    .ToArray();
var pairs = (from slow in Enumerable.Range(3, 98) from fast in Enumerable.Range(2, slow - 2) select (fast, slow)).ToArray();
for (var round = 0; round < 2; round++)
{
    var started = Stopwatch.GetTimestamp();
    var finals = new double[pairs.Length];
    Parallel.For(0, pairs.Length, i =>
    {
        var (fast, slow) = pairs[i];
        finals[i] = RunOnce(spyBars, spy, new() { ["fast"] = fast, ["slow"] = slow }, 252, full: false).Summary.FinalEquity;
    });
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var best = Array.IndexOf(finals, finals.Max());
    Console.WriteLine($"sweep: {pairs.Length:N0} sma-cross pairs × {spyBars.Length:N0} SPY days on {Environment.ProcessorCount} cores: " +
        $"{seconds:F2} s "
        + $"({pairs.Length * (double)spyBars.Length / seconds / 1e6:F1} M bars/s); best {pairs[best]} ends at {finals[best]:N0}; target " +
            $"<= 3 s");
}

// 3. Memory over 100 consecutive backtests.
var slice = walk.AsSpan(0, 200_000).ToArray();
var heaps = new List<long>();
for (var run = 0; run < 100; run++)
{
    RunOnce(slice, syn, parameters, 98_280);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    heaps.Add(GC.GetTotalMemory(true));
}

var sampled = string.Join(", ", new[] { 0, 9, 49, 99 }.Select(i => $"{heaps[i] / 1e6:F1} MB"));
Console.WriteLine($"heap after backtests 1, 10, 50, 100 of 200,000 bars: {sampled}; "
    + $"growth from 10 to 100: {(heaps[99] - heaps[9]) / 1e3:F0} kB");
