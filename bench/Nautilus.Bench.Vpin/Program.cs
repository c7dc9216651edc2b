using System.Diagnostics;
using Nautilus.Model;
using Nautilus.Vpin.Domain;

// Usage: dotnet run -c Release --project bench/Nautilus.Bench.Vpin
// 10,000,000 trades of a seeded random walk on a one-cent grid with quotes around it, one instrument, one thread. Inputs are
// built before timing. Throughput: trades classified (tick rule and Lee–Ready) and bucketed (V = 20,000, n = 50) with the VPIN
// and its CDF after every bucket. Latency: one trade through the live stream, each timed alone.
const int trades = 10_000_000;
var random = new Random(17);
var prices = new double[trades];
var sizes = new double[trades];
var bids = new double[trades];
var asks = new double[trades];
var times = new long[trades];
var price = 100.0;
for (var i = 0; i < trades; i++)
{
    price = Math.Max(1, price + 0.01 * (random.Next(3) - 1));
    prices[i] = price;
    sizes[i] = 1 + random.Next(400);
    bids[i] = price - 0.01 * random.Next(2);
    asks[i] = bids[i] + 0.01;
    times[i] = 1_700_000_000_000_000_000L + i * 2_000_000L; // a trade every 2 ms
}

foreach (var classification in new[] { StreamClassification.Tick, StreamClassification.LeeReady, StreamClassification.Bvc })
{
    var updates = new List<VpinUpdate>(1024);
    var stream = new VpinStream(new VpinStreamSettings(20_000, 50, classification));
    for (var i = 0; i < 100_000; i++)
    {
        stream.OnTrade(times[i], prices[i], sizes[i], bids[i], asks[i], AggressorSide.None, updates);
    }

    stream = new VpinStream(new VpinStreamSettings(20_000, 50, classification));
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < trades; i++)
    {
        if (stream.OnTrade(times[i], prices[i], sizes[i], bids[i], asks[i], AggressorSide.None, updates) > 0 && updates.Count > 512)
        {
            updates.Clear();
        }
    }

    var rate = trades / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"{classification,-9}: {rate / 1e6:F2} M trades/s classified and bucketed ({stream.Buckets:N0} buckets, " +
        $"last VPIN {stream.Vpin:F4}; target 5 M/s)");
}

// Latency of one trade's update: every trade timed on its own (Stopwatch ticks are 1 ns here; the timing itself is ~20 ns).
var live = new VpinStream(new VpinStreamSettings(20_000, 50, StreamClassification.LeeReady));
var samples = new long[1_000_000];
var sink = new List<VpinUpdate>(16);
for (var i = 0; i < samples.Length; i++)
{
    var start = Stopwatch.GetTimestamp();
    live.OnTrade(times[i], prices[i], sizes[i], bids[i], asks[i], AggressorSide.None, sink);
    samples[i] = Stopwatch.GetTimestamp() - start;
    sink.Clear();
}

Array.Sort(samples);
double Micro(long ticks) => ticks * 1e6 / Stopwatch.Frequency;
Console.WriteLine($"update per trade (Lee–Ready, 1,000,000 trades): p50 {Micro(samples[500_000]):F3} µs, " +
    $"p99 {Micro(samples[990_000]):F3} µs, " +
    $"max {Micro(samples[^1]):F1} µs (target p99 100 µs)");
