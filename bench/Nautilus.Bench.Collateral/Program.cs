using System.Diagnostics;
using Nautilus.Collateral.Domain.Margin;
using Nautilus.Collateral.Domain.SaCcr;

// Usage: dotnet run -c Release --project bench/Nautilus.Bench.Collateral
// A seeded book of 10,000 positions on 2,000 underlyings: 8,000 stocks (long and short) and 2,000 listed options on them (calls and
// puts, 1–12 months, σ 15–60 %), SIMM buckets spread over 1–12. Each model margins the whole book; the median and p99 of 50 runs
// after 10 warm-up runs. Then SA-CCR over 1,000 netting sets of 10 trades each across the five asset classes, half margined.
var random = new Random(29);
const int underlyings = 2_000;
var spot = Enumerable.Range(0, underlyings).Select(_ => 10 + 490 * random.NextDouble()).ToArray();
var positions = new List<MarginPosition>(10_000);
for (var i = 0; i < 8_000; i++)
{
    var u = i % underlyings;
    positions.Add(MarginPosition.Stock($"S{u}", (random.Next(2) == 0 ? -1 : 1) * (1 + random.Next(5_000)), spot[u], 1 + u % 12));
}

for (var i = 0; i < 2_000; i++)
{
    var u = random.Next(underlyings);
    var right = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
    var option = new MarginOption(right, Math.Round(spot[u] * (0.8 + 0.4 * random.NextDouble()), 2), (1 + random.Next(12)) / 12.0,
        0.15 + 0.45 * random.NextDouble());
    var premium = BlackScholes.Value(right, spot[u], option.Strike, option.ExpiryYears, option.Volatility);
    positions.Add(new MarginPosition($"S{u} {right} {option.Strike}", (random.Next(2) == 0 ? -1 : 1) * (1 + random.Next(50)), premium,
        $"S{u}", spot[u], option, 1 + u % 12));
}

IMarginModel[] models = [new RegTMarginModel(), new PortfolioMarginModel(), new SimmEquityMarginModel()];
foreach (var model in models)
{
    var (median, p99, value) = Time(() => model.Requirement(positions).Initial, 10, 50);
    Console.WriteLine($"margin {model.Name,-17} of 10,000 positions: median {median:F2} ms, p99 {p99:F2} ms " +
        $"(requirement {value:N0}; target 10 ms)");
}

string[] ratings = ["AAA", "AA", "A", "BBB", "BB", "B", "CCC"];
string[] groups = ["energy", "metals", "agricultural", "other"];
var sets = new NettingSet[1_000];
for (var s = 0; s < sets.Length; s++)
{
    var trades = new SaCcrTrade[10];
    for (var t = 0; t < trades.Length; t++)
    {
        var assetClass = (SaCcrAssetClass)(t % 5);
        var end = 0.5 + 19.5 * random.NextDouble();
        var option = t % 7 == 0 ? new SaCcrOption(OptionKind.Call, random.Next(2) == 0, 100, 80 + 40 * random.NextDouble(), 0.3) : null;
        trades[t] = new SaCcrTrade($"{s}-{t}", assetClass, assetClass switch
        {
            SaCcrAssetClass.InterestRate => random.Next(2) == 0 ? "USD" : "EUR",
            SaCcrAssetClass.Fx => "EURUSD",
            SaCcrAssetClass.Commodity => groups[random.Next(groups.Length)],
            _ => "",
        }, $"ref-{random.Next(20)}", assetClass == SaCcrAssetClass.Credit ? ratings[random.Next(ratings.Length)] : null, false,
            1_000_000 * random.NextDouble(), 20_000 * (random.NextDouble() - 0.5), random.Next(2) == 0, 0, end, end, option);
    }

    sets[s] = new NettingSet($"set-{s}", trades, Margined: s % 2 == 0, Threshold: 10_000, MinimumTransferAmount: 1_000,
        Collateral: 5_000 * random.NextDouble());
}

var (saMedian, saP99, total) = Time(() => sets.Sum(set => SaCcrCalculator.Calculate(set).Ead), 10, 50);
Console.WriteLine($"SA-CCR of 1,000 netting sets (10,000 trades): median {saMedian:F2} ms, p99 {saP99:F2} ms (total EAD {total:N0}; " +
    "target 50 ms)");

static (double Median, double P99, double Value) Time(Func<double> run, int warmUp, int runs)
{
    var value = 0.0;
    for (var i = 0; i < warmUp; i++)
    {
        value = run();
    }

    var samples = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        value = run();
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(samples);
    return (samples[runs / 2], samples[(int)Math.Ceiling(runs * 0.99) - 1], value);
}
