using System.Diagnostics;
using Nautilus.Portfolio.Domain.Allocation;
using Nautilus.Portfolio.Domain.Optimisation;

// Usage: dotnet run -c Release --project bench/Nautilus.Bench.Portfolio
// Inputs: a 10-factor model Σ = BFB' + D (annualised: factor volatilities 10–25 %, specific 15–40 %), expected returns
// 2–30 %, seeded, built before timing. Each figure is the median of 7 timed runs after 2 untimed; a run includes
// building the QP (or the distances) from Σ.
var (mu500, sigma500) = Synthetic(500, seed: 1);
var (_, sigma1000) = Synthetic(1000, seed: 2);
Measure("max Sharpe, 500 assets, long-only [0, 1]", () =>
{
    var (mu, sigma) = (mu500, sigma500);
    var result = new MeanVarianceOptimizer(mu, sigma, PortfolioConstraints.LongOnly(500)).MaxSharpe();
    return $"Sharpe {result.Performance.Sharpe:F4}, {result.Weights.Count(w => w > 1e-9)} assets held, exact {result.Exact}";
}, 100);
Measure("max Sharpe, 500 assets, long-only, each at most 5 %", () =>
{
    var (mu, sigma) = (mu500, sigma500);
    var result = new MeanVarianceOptimizer(mu, sigma, PortfolioConstraints.Uniform(500, 0, 0.05)).MaxSharpe();
    return $"Sharpe {result.Performance.Sharpe:F4}, {result.Weights.Count(w => w > 1e-9)} assets held, exact {result.Exact}";
}, 100);
Measure("HRP, 1,000 assets, single linkage", () =>
{
    var sigma = sigma1000;
    var allocation = HierarchicalRiskParity.Allocate(sigma, HierarchicalRiskParity.CorrelationOf(sigma));
    return $"weights {allocation.Weights.Min():G3} to {allocation.Weights.Max():G3}";
}, 200);

static void Measure(string name, Func<string> run, double targetMs)
{
    string outcome = "";
    for (var i = 0; i < 2; i++)
    {
        outcome = run();
    }

    var times = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        var clock = Stopwatch.StartNew();
        outcome = run();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{name}: median {times[3]:F1} ms (best {times[0]:F1}, worst {times[^1]:F1}; target {targetMs} ms) — {outcome}");
}

static (double[] Mu, double[,] Sigma) Synthetic(int n, int seed)
{
    var random = new Random(seed);
    const int factors = 10;
    var b = new double[n, factors];
    var factorVol = Enumerable.Range(0, factors).Select(_ => 0.10 + 0.15 * random.NextDouble()).ToArray();
    for (var i = 0; i < n; i++)
    {
        for (var k = 0; k < factors; k++)
        {
            b[i, k] = k == 0 ? 0.6 + 0.8 * random.NextDouble() : random.NextDouble() - 0.5;
        }
    }

    var sigma = new double[n, n];
    for (var i = 0; i < n; i++)
    {
        for (var j = 0; j <= i; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < factors; k++)
            {
                sum += b[i, k] * b[j, k] * factorVol[k] * factorVol[k];
            }

            sigma[i, j] = sigma[j, i] = sum;
        }

        var specific = 0.15 + 0.25 * random.NextDouble();
        sigma[i, i] += specific * specific;
    }

    var mu = Enumerable.Range(0, n).Select(_ => 0.02 + 0.28 * random.NextDouble()).ToArray();
    return (mu, sigma);
}
