using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Engine.Instruments;

namespace Nautilus.MarketData.Engine.Apis;

/// <summary>Published company figures per share (book value, sales, cash flow), point in time: what the value style reads.</summary>
public static class FundamentalsApi
{
    public const int MaxEntries = 100_000;

    public static IEndpointRouteBuilder MapFundamentalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/fundamentals").WithTags("Fundamentals");
        api.MapPost("/", StoreAsync).WithName("StoreFundamentals")
            .WithSummary("Stores figures per share as published on asOf (book value, sales, cash flow; at least one) for instruments " +
                "of the master; a symbol and day already stored is replaced. Every entry is checked before any is stored.");
        api.MapGet("/{symbol}", ListAsync).WithName("GetFundamentals")
            .WithSummary("A symbol's figures published in [from, to] (default: all), oldest first.");
        return app;
    }

    public static async Task<Results<Ok<FundamentalsStored>, ValidationProblem>> StoreAsync(IReadOnlyList<FundamentalsEntry>? entries,
        InstrumentRepository instruments, FundamentalsRepository repository, CancellationToken ct)
    {
        if (entries is not { Count: > 0 and <= MaxEntries })
        {
            return ApiProblems.Field("entries", $"a list of 1 to {MaxEntries:N0} entries");
        }

        var problems = new List<(string, string)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (string.IsNullOrWhiteSpace(e.Symbol) || !instruments.IsKnown(e.Symbol))
            {
                problems.Add(($"entries[{i}].symbol", $"'{e.Symbol}' is not in the instrument master"));
            }

            if (e.AsOf is null)
            {
                problems.Add(($"entries[{i}].asOf", "the day the figures were published (yyyy-mm-dd)"));
            }

            if (e.BookValuePerShare is null && e.SalesPerShare is null && e.CashFlowPerShare is null)
            {
                problems.Add(($"entries[{i}]", "at least one of bookValuePerShare, salesPerShare, cashFlowPerShare"));
            }

            if (e.SalesPerShare < 0)
            {
                problems.Add(($"entries[{i}].salesPerShare", "sales are not negative"));
            }
        }

        if (problems.Count > 0)
        {
            return ApiProblems.Fields(problems.Take(BarImportApi.MaxErrorsReported));
        }

        return TypedResults.Ok(new FundamentalsStored(await repository.UpsertAsync(entries, ct)));
    }

    public static async Task<Results<Ok<IReadOnlyList<FundamentalsEntry>>, ProblemHttpResult>> ListAsync(string symbol,
        InstrumentRepository instruments, FundamentalsRepository repository, DateOnly? from = null, DateOnly? to = null,
        CancellationToken ct = default) =>
        instruments.IsKnown(symbol)
            ? TypedResults.Ok(await repository.ListAsync(symbol, from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue, ct))
            : ApiProblems.NotFound("symbol", symbol, "instrument");
}
