// Risk and analytics calculations, one thread, median of repeated runs after a warm-up; then the pre-trade check over
// HTTP: the Risk engine's endpoint on Kestrel, requests sent on a fixed schedule (1,000 a second by default) from a
// thread that sleeps 1 ms, latency from send to the whole answer.
// Usage: dotnet run -c Release --project bench/Nautilus.Bench.Risk -- [httpRate=1000] [httpSeconds=20]
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nautilus.Analytics.Domain.Performance;
using Nautilus.Model;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Risk.Domain.Statistics;
using Nautilus.Risk.Domain.Var;
using Nautilus.Risk.Engine.Apis;
using Nautilus.Risk.Engine.Extensions;

var random = new Random(1);
double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

Console.WriteLine($"risk benchmarks, {Environment.ProcessorCount} cores, one thread");

// Historical VaR: 10,000 scenarios × 500 instruments, with Euler components.
var scenarios = Enumerable.Range(0, 10_000).Select(_ => Enumerable.Range(0, 500).Select(_ => 0.01 * Gaussian()).ToArray()).ToArray();
var positions500 = Enumerable.Range(0, 500).Select(i => 10_000.0 + i).ToArray();
Report("historical VaR, 10,000 scenarios × 500 instruments", "≤ 50 ms", 11,
    () => ValueAtRisk.OfPositions(scenarios, positions500, VarMethod.Historical, new VarSettings(0.99)));

// Monte Carlo VaR: 100,000 paths × 100 assets from a given covariance.
var returns100 = Enumerable.Range(0, 1_000).Select(_ => Enumerable.Range(0, 100).Select(_ => 0.01 * Gaussian()).ToArray()).ToArray();
var cov = Covariance.Estimate(returns100);
var means = new double[100];
var positions100 = Enumerable.Range(0, 100).Select(i => 1_000_000.0 / (i + 1)).ToArray();
Report("Monte Carlo VaR, 100,000 paths × 100 assets (with components)", "≤ 1 s", 5,
    () => MonteCarloVar.Simulate(means, cov, positions100, new VarSettings(0.99, Paths: 100_000, Seed: 7), withComponents: true));

// Pre-trade check: an order against a portfolio of 50 positions and limits in every scope.
var fund = new PortfolioId("fund-1");
var exposure = new PortfolioExposure(fund);
exposure.SetAccount(10_000_000, -10_000);
var instruments = Enumerable.Range(0, 50).Select(i => new InstrumentId($"S{i}", "XNAS")).ToArray();
foreach (var (id, i) in instruments.Select((id, i) => (id, i)))
{
    exposure.SetPosition(id, 1_000 + i, 100 + i);
}

var limits = new LimitBook([
    new RiskLimit(LimitScope.Global, "", LimitKind.MaxNotional, 5_000_000),
    new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxGrossExposure, 50_000_000),
    new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxLeverage, 4),
    new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxConcentration, 0.5),
    new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxDailyLoss, 500_000),
    new RiskLimit(LimitScope.Instrument, "S7", LimitKind.MaxPosition, 100_000),
]);
const int checks = 5_000_000;
var accepted = 0;
for (var round = 0; round < 3; round++)
{
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < checks; i++)
    {
        var order = new OrderIntent(fund, null, instruments[i % 50], (i & 1) == 0 ? OrderSide.Buy : OrderSide.Sell, 100, 100 + i % 50);
        if (PreTradeCheck.Check(order, exposure, limits, TradingState.Active, TradingState.Active, 0).Accepted)
        {
            accepted++;
        }
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    Console.WriteLine($"pre-trade check, in process: {checks / seconds / 1e6:F2} M checks/s (target ≥ 1 M/s), {accepted} accepted so far");
}

// Tear sheet: ten years of daily returns against a benchmark, with a 63-day rolling window.
var daily = Enumerable.Range(0, 2_520).Select(_ => 0.0004 + 0.01 * Gaussian()).ToArray();
var bench = daily.Select(r => 0.8 * r + 0.004 * Gaussian()).ToArray();
Report("tear sheet, 10 years of daily returns with a benchmark", "≤ 5 ms", 51,
    () => PerformanceStatistics.Compute(daily, bench, new PerformanceSettings()));
Report("tear sheet with 63-day rolling windows", "—", 21,
    () => PerformanceStatistics.Compute(daily, bench, new PerformanceSettings(RollingWindow: 63)));
// What GET /api/analytics/portfolios/{id}/tearsheet computes: dated returns, wealth, underwater, months, rolling windows.
var days = Enumerable.Range(0, daily.Length).Select(i => new DateOnly(2016, 1, 4).AddDays(i)).ToArray();
Report("dated tear sheet (wealth, underwater, months, 63-day rolling)", "—", 21,
    () => TearSheets.FromReturns(days, daily, new PerformanceSettings(RollingWindow: 63)));

// The pre-trade check over HTTP: the engine's endpoint and JSON on Kestrel, a client on loopback.
var httpRate = args.Length > 0 ? int.Parse(args[0]) : 1_000;
var httpSeconds = args.Length > 1 ? double.Parse(args[1]) : 20;
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Services.AddSingleton<RiskMetrics>();
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
var app = builder.Build();
app.MapRiskCalculationsApi();
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };
var request = new PreTradeRequest(new OrderInput(fund, instruments[3], OrderSide.Buy, 100, 103),
    instruments.Select((id, i) => new PositionInput(id, 1_000 + i, 100 + i)).ToArray(), 10_000_000, -10_000, null, limits.Limits);
for (var i = 0; i < 2_000; i++)
{
    (await http.PostAsJsonAsync("/api/risk/pretrade-check", request)).EnsureSuccessStatusCode();
}

var total = (int)(httpRate * httpSeconds);
var latencies = new double[total];
var inFlight = new List<Task>(total);
var clock = Stopwatch.StartNew();
for (var i = 0; i < total; i++)
{
    var due = i / (double)httpRate;
    while (clock.Elapsed.TotalSeconds < due)
    {
        Thread.Sleep(1);
    }

    var index = i;
    inFlight.Add(Task.Run(async () =>
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/api/risk/pretrade-check", request);
        await response.Content.ReadAsByteArrayAsync();
        latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
    }));
}

await Task.WhenAll(inFlight);
Array.Sort(latencies);
Console.WriteLine($"pre-trade check over HTTP, {httpRate:N0}/s for {httpSeconds} s (50 positions, 6 limits): " +
                  $"p50 {latencies[total / 2]:F2} ms, p99 {latencies[(int)(total * 0.99)]:F2} ms, " +
                  $"p99.9 {latencies[(int)(total * 0.999)]:F2} ms, max {latencies[^1]:F2} ms (target p99 ≤ 2 ms)");
await app.StopAsync();

static void Report(string name, string target, int runs, Func<object> work)
{
    work(); // warm-up: JIT and caches
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        GC.KeepAlive(work());
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(times);
    Console.WriteLine($"{name}: median {times[runs / 2]:F2} ms, best {times[0]:F2} ms over {runs} runs (target {target})");
}
