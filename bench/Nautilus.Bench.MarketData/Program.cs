// Market-data benchmarks, single thread:
//   simulator events/s (target ≥ 1,000,000) and SMA/EMA updates/s (target ≥ 50,000,000).
//   dotnet run -c Release --project bench/Nautilus.Bench.MarketData
using System.Diagnostics;
using Nautilus.Indicators;
using Nautilus.MarketData.Domain.Instruments;
using Nautilus.MarketData.Domain.Simulation;

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

var instruments = InstrumentUniverse.Default
    .Select((i, n) => new SimulatedInstrument(i.Symbol, i.Sector, 50 + n * 7, 0.3, 0.01, 1)).ToArray();
var simulator = new MarketSimulator(instruments, new SimulatorOptions { Seed = 1, EventsPerSecond = 100_000 });
Measure("simulator (56 instruments, all events)", 20_000_000, n =>
{
    var checksum = 0.0;
    for (var i = 0; i < n; i++)
    {
        simulator.Next(out var e);
        checksum += e.BidPrice;
    }

    return checksum;
});

var prices = new double[1 << 16];
var rng = new Xoshiro256(3);
for (var i = 0; i < prices.Length; i++)
{
    prices[i] = 100 + rng.NextGaussian();
}

foreach (var (name, indicator) in new (string, Indicator)[] { ("SMA(20)", new Sma(20)), ("EMA(20)", new Ema(20)), ("RSI(14)", new Rsi(14)) })
{
    Measure($"{name} updates", 200_000_000, n =>
    {
        var mask = prices.Length - 1;
        for (var i = 0; i < n; i++)
        {
            indicator.Update(prices[i & mask]);
        }

        return indicator.Current;
    });
}

static void Measure(string name, int count, Func<int, double> run)
{
    run(count / 20); // warm-up: tiered JIT reaches its optimised code
    var best = double.MaxValue;
    for (var round = 0; round < 3; round++)
    {
        var clock = Stopwatch.StartNew();
        run(count);
        best = Math.Min(best, clock.Elapsed.TotalSeconds);
    }

    Console.WriteLine($"{name}: {count / best:N0}/s (best of 3 × {count:N0})");
}
