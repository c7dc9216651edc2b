using System.Diagnostics;
using Nautilus.Factor.Domain;

// Usage: dotnet run -c Release --project bench/Nautilus.Bench.Factor
// 3,000 assets in 11 sectors with 5 style exposures and √cap weights (seeded); a day's returns from planted factor returns
// plus noise. Inputs are built before timing; a figure is the regression alone.
const int assets = 3000;
const int days = 2520; // ten years of trading days
var random = new Random(11);
string[] names = ["Energy", "Materials", "Industrials", "Discretionary", "Staples", "Health", "Financials", "Technology", "Communication",
    "Utilities", "Real Estate"];
var sectors = Enumerable.Range(0, assets).Select(_ => names[random.Next(names.Length)]).ToArray();
var exposures = Enumerable.Range(0, assets).Select(_ => Enumerable.Range(0, 5).Select(_ => Normal(random)).ToArray()).ToArray();
var weights = Enumerable.Range(0, assets).Select(_ => Math.Exp(10 + 0.75 * Normal(random))).ToArray();
var dailyReturns = Enumerable.Range(0, days).Select(_ =>
{
    var market = 0.01 * Normal(random);
    var styles = Enumerable.Range(0, 5).Select(_ => 0.003 * Normal(random)).ToArray();
    return Enumerable.Range(0, assets).Select(i => market + exposures[i].Select((x, k) => x * styles[k]).Sum() + 0.02 * Normal(random))
        .ToArray();
}).ToArray();

for (var i = 0; i < 20; i++)
{
    CrossSectionalRegression.Regress(dailyReturns[i], sectors, exposures, weights);
}

var times = new List<double>();
for (var i = 0; i < 101; i++)
{
    var clock = Stopwatch.StartNew();
    CrossSectionalRegression.Regress(dailyReturns[i], sectors, exposures, weights);
    times.Add(clock.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine($"one day, {assets:N0} assets, 11 sectors, 5 styles: median {times[50]:F2} ms (p90 {times[90]:F2} ms; target 5 ms)");

var all = Stopwatch.StartNew();
var rSquared = 0.0;
foreach (var day in dailyReturns)
{
    rSquared += CrossSectionalRegression.Regress(day, sectors, exposures, weights).RSquared;
}

Console.WriteLine($"ten years, {days:N0} daily regressions: {all.Elapsed.TotalSeconds:F2} s (target 15 s); mean R² {rSquared / days:F3}");

static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
