using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Factor.Contracts;
using Nautilus.Factor.Domain;
using Nautilus.Factor.Engine.Models;
using Nautilus.Factor.Engine.Persistence;

namespace Nautilus.Factor.Engine.Apis;

/// <summary>The factor model over stored data: runs, their factor returns, exposures, covariance and a portfolio's risk.</summary>
public static class FactorModelApi
{
    public static IEndpointRouteBuilder MapFactorModelApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/factors/runs").WithTags("Factor model");
        api.MapPost("/", RunAsync).WithName("RunFactorModel")
            .WithSummary("Builds and stores the factor model over the stored daily bars of a universe (sectors and shares from the " +
                "master).")
            .WithDescription("Styles: momentum ln(P[t−21]/P[t−252]), size ln(capitalisation), volatility (63-day std of log returns), " +
                "liquidity ln(21-day dollar volume ÷ capitalisation); capitalisation is the market cap when every asset's shares are " +
                "known, else the 63-day dollar volume. Exposures winsorised 5–95 %, cap-weight centred, unit std; daily WLS with " +
                "√cap weights, sectors summing to zero. Value (when any asset has published figures: POST /api/fundamentals of the " +
                "MarketData engine): book, sales and cash flow per share ÷ price from the latest figures published by the day, each " +
                "standardised, averaged; an asset without figures has exposure 0. " +
                "userFactors adds styles computed by the Features engine over the same daily bars, e.g. " +
                "[\"rsi(14)\", \"bb(20,2).bandwidth\"] " +
                "(named feature:<key>; an asset whose feature is still warming up has exposure 0 that day).");
        api.MapGet("/", ListAsync).WithName("ListFactorRuns").WithSummary("Stored runs, newest first.");
        api.MapGet("/{id}", GetAsync).WithName("GetFactorRun").WithSummary("One run.");
        api.MapGet("/{id}/returns", ReturnsAsync).WithName("GetFactorReturns")
            .WithSummary("Daily factor returns between from and to (inclusive), one series per factor.");
        api.MapGet("/{id}/exposures", ExposuresAsync).WithName("GetFactorExposures")
            .WithSummary("Each asset's standardised style exposures, sector and weight on a day (the latest on or before date; the " +
                "last day when omitted): those the day's returns were regressed on.");
        api.MapGet("/{id}/covariance", CovarianceAsync).WithName("GetRunFactorCovariance")
            .WithSummary("The factor covariance of the run's factor returns: EWMA with halfLife days, Newey-West lags, × 252.");
        api.MapPost("/{id}/risk", RiskAsync).WithName("GetPortfolioFactorRisk")
            .WithSummary("A portfolio's risk by factor: the latest exposures, the run's factor covariance and each asset's specific " +
                "variance (EWMA of its specific returns).");
        return app;
    }

    public static async Task<Results<Created<FactorRunView>, ValidationProblem, ProblemHttpResult>> RunAsync(FactorRunRequest request,
        FactorRunBuilder builder, CancellationToken ct)
    {
        if (request.Symbols is not { Count: > 0 } symbols || symbols.Any(string.IsNullOrWhiteSpace))
        {
            return ApiProblems.Field("symbols", "one or more symbols of the instrument master");
        }

        if (symbols.Distinct(StringComparer.Ordinal).Count() != symbols.Count)
        {
            return ApiProblems.Field("symbols", "each symbol once");
        }

        if (request.From is not { } from || request.To is not { } to)
        {
            return ApiProblems.Field(request.From is null ? "from" : "to", "a date (yyyy-mm-dd) is required");
        }

        if (from >= to)
        {
            return ApiProblems.Field("from", "must be before to");
        }

        if (request.MinAssets is < 3 or > 100_000)
        {
            return ApiProblems.Field("minAssets", "3 or more");
        }

        try
        {
            var run = await builder.RunAsync(symbols, from, to, request.MinAssets, UserFactor.Parse(request.UserFactors), ct);
            return TypedResults.Created($"/api/factors/runs/{run.Id}", run);
        }
        catch (FactorInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (HttpRequestException ex)
        {
            return ApiProblems.Unavailable("marketdata-engine", $"stored bars and the instrument master cannot be read: {ex.Message}");
        }
        catch (DependencyUnavailableException ex)
        {
            return ApiProblems.Unavailable(ex.Dependency, ex.Message);
        }
    }

    public static Task<IReadOnlyList<FactorRunView>> ListAsync(FactorRepository repository, CancellationToken ct) =>
        repository.RunsAsync(null, ct);

    public static async Task<Results<Ok<FactorRunView>, ProblemHttpResult>> GetAsync(string id, FactorRepository repository,
        CancellationToken ct) =>
        await repository.RunsAsync(id, ct) is [var run] ? TypedResults.Ok(run) : ApiProblems.NotFound("id", id, "factor run");

    public static async Task<Results<Ok<FactorReturnSeries>, ValidationProblem, ProblemHttpResult>> ReturnsAsync(string id,
        FactorRepository repository, CancellationToken ct, DateOnly? from = null, DateOnly? to = null)
    {
        if (from > to)
        {
            return ApiProblems.Field("from", "must not be after to");
        }

        if (await repository.RunsAsync(id, ct) is not [var run])
        {
            return ApiProblems.NotFound("id", id, "factor run");
        }

        var (dates, series) = Series(run, await repository.ReturnsAsync(id, from, to, ct));
        return TypedResults.Ok(new FactorReturnSeries(dates, series));
    }

    public static async Task<Results<Ok<ExposuresView>, ProblemHttpResult>> ExposuresAsync(string id, FactorRepository repository,
        CancellationToken ct, DateOnly? date = null)
    {
        if (await repository.RunsAsync(id, ct) is not [var run])
        {
            return ApiProblems.NotFound("id", id, "factor run");
        }

        var rows = await repository.ExposuresAsync(id, date, allDays: false, ct);
        if (rows.Count == 0)
        {
            return ApiProblems.InvalidState("date", date?.ToString("yyyy-MM-dd") ?? "", $"Run '{id}' has no modelled day on or before it.");
        }

        return TypedResults.Ok(new ExposuresView(rows[0].Date, run.Styles,
            [.. rows.Select(r => new AssetExposure(r.Symbol, r.Sector, r.Weight, r.Styles))]));
    }

    public static async Task<Results<Ok<FactorCovarianceView>, ValidationProblem, ProblemHttpResult>> CovarianceAsync(string id,
        FactorRepository repository, CancellationToken ct, double halfLife = 90, int neweyWestLags = 0)
    {
        if (await repository.RunsAsync(id, ct) is not [var run])
        {
            return ApiProblems.NotFound("id", id, "factor run");
        }

        try
        {
            var (factors, covariance) = await CovarianceOfAsync(run, repository, halfLife, neweyWestLags, ct);
            var k = factors.Count;
            return TypedResults.Ok(new FactorCovarianceView(factors,
                [.. Enumerable.Range(0, k).Select(a => Enumerable.Range(0, k).Select(b => covariance[a, b]).ToArray())],
                [.. Enumerable.Range(0, k).Select(a => Math.Sqrt(covariance[a, a]))]));
        }
        catch (FactorInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static async Task<Results<Ok<RiskDecompositionResponse>, ValidationProblem, ProblemHttpResult>> RiskAsync(string id,
        PortfolioRiskRequest request, FactorRepository repository, CancellationToken ct)
    {
        if (await repository.RunsAsync(id, ct) is not [var run])
        {
            return ApiProblems.NotFound("id", id, "factor run");
        }

        if (request.Weights is not { Count: > 0 } weights)
        {
            return ApiProblems.Field("weights", "symbol → weight, one or more");
        }

        var latest = (await repository.ExposuresAsync(id, null, allDays: false, ct)).ToDictionary(r => r.Symbol, StringComparer.Ordinal);
        foreach (var (symbol, w) in weights)
        {
            if (!latest.ContainsKey(symbol))
            {
                return ApiProblems.Field($"weights.{symbol}", $"'{symbol}' is not in the run's last cross-section");
            }

            if (!double.IsFinite(w))
            {
                return ApiProblems.Field($"weights.{symbol}", "must be a number");
            }
        }

        try
        {
            var (factors, covariance) = await CovarianceOfAsync(run, repository, request.HalfLife, request.NeweyWestLags, ct);
            var symbols = weights.Keys.ToArray();
            var exposures = symbols.Select(s => RowOf(latest[s], factors)).ToArray();
            var all = await repository.ExposuresAsync(id, null, allDays: true, ct);
            var residuals = all.GroupBy(r => r.Date).OrderBy(g => g.Key).Select(g =>
            {
                var byDay = g.ToDictionary(r => r.Symbol, r => r.Residual, StringComparer.Ordinal);
                return symbols.Select(s => byDay.TryGetValue(s, out var e) ? e : double.NaN).ToArray();
            }).ToArray();
            var specific = FactorRiskModel.SpecificVariances(residuals, request.HalfLife);
            var risk = FactorRiskModel.Decompose([.. symbols.Select(s => weights[s])], exposures, covariance, specific);
            return TypedResults.Ok(new RiskDecompositionResponse(risk.Volatility, risk.TotalVariance, risk.FactorVariance,
                risk.SpecificVariance,
                [.. risk.Exposures.Select((x, j) => new FactorRiskShare(factors[j], x, risk.FactorContributions[j]))],
                risk.SpecificContribution));
        }
        catch (FactorInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    /// <summary>An asset's row of the full factor exposure matrix: 1 on the market, 1 on its sector, then its styles.</summary>
    private static double[] RowOf(ExposureRow row, IReadOnlyList<string> factors) =>
        [.. factors.Select(f => f == "market" ? 1 : f == $"sector:{row.Sector}" ? 1 : f.StartsWith("sector:", StringComparison.Ordinal)
            ? 0 : row.Styles[FactorIndexOfStyle(f, factors)])];

    private static int FactorIndexOfStyle(string style, IReadOnlyList<string> factors) =>
        factors.Where(f => f != "market" && !f.StartsWith("sector:", StringComparison.Ordinal)).ToList().IndexOf(style);

    private static async Task<(IReadOnlyList<string> Factors, double[,] Covariance)> CovarianceOfAsync(FactorRunView run,
        FactorRepository repository, double halfLife, int lags, CancellationToken ct)
    {
        if (!(halfLife > 0))
        {
            throw new FactorInputException("halfLife", "must be positive (days)");
        }

        if (lags is < 0 or > 20)
        {
            throw new FactorInputException("neweyWestLags", "0 to 20");
        }

        var (dates, series) = Series(run, await repository.ReturnsAsync(run.Id, null, null, ct));
        var rows = Enumerable.Range(0, dates.Count).Select(d => run.Factors.Select(f => series[f][d]).ToArray()).ToArray();
        return (run.Factors, FactorRiskModel.FactorCovariance(rows, halfLife, lags));
    }

    private static (IReadOnlyList<DateOnly> Dates, Dictionary<string, double[]> Series) Series(FactorRunView run,
        IReadOnlyList<(DateOnly Date, string Factor, double Value)> rows)
    {
        var dates = rows.Select(r => r.Date).Distinct().Order().ToArray();
        var index = dates.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        // A sector absent on a day (no asset in it) earned nothing that day.
        var series = run.Factors.ToDictionary(f => f, _ => new double[dates.Length], StringComparer.Ordinal);
        foreach (var (date, factor, value) in rows)
        {
            if (series.TryGetValue(factor, out var values))
            {
                values[index[date]] = value;
            }
        }

        return (dates, series);
    }
}
