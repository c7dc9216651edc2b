using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Replay;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.MarketData.Engine.Pipeline;

namespace Nautilus.MarketData.Engine.Apis;

/// <summary>Upload of bar files: every row checked, the good ones stored, the bad ones reported with line and column.</summary>
public static class BarImportApi
{
    public const int MaxErrorsReported = 200;

    public static IEndpointRouteBuilder MapBarImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bars/import", ImportAsync).WithName("ImportBars").WithTags("Market data")
            .Accepts<string>("text/csv", "text/plain", "application/vnd.apache.parquet", "application/octet-stream")
            .WithSummary("Stores the bars of a CSV or Parquet body (Yahoo, Stooq, long with a symbol column, or a wide close matrix) at `interval` " +
                         "seconds (default 86400: daily). `symbol` names the instrument of a file without a symbol column. " +
                         "Bad rows and unknown instruments are reported by line and column; the good rows are stored.");
        return app;
    }

    public static async Task<Results<Ok<BarImportReport>, ValidationProblem>> ImportAsync(
        HttpRequest request, InstrumentRepository instruments, MarketDataWriters writers,
        int interval = 86_400, string? symbol = null, CancellationToken ct = default)
    {
        if (!MarketDataPipeline.StoredIntervals.Contains(interval))
        {
            return ApiProblems.Field("interval", $"one of {string.Join(", ", MarketDataPipeline.StoredIntervals)} seconds");
        }

        if (symbol is not null && !instruments.IsKnown(symbol))
        {
            return ApiProblems.Field("symbol", $"unknown instrument '{symbol}': create it first (POST /api/instruments)");
        }

        var (upload, problem) = await UploadBody.ReadAsync(request, ct);
        if (upload is null)
        {
            return problem!;
        }

        var import = BarFileReader.Read(upload.Rows, instruments.Cached, interval, symbol);

        if (import.Rows == 0 && import.Errors.Count > 0)
        {
            return ApiProblems.Fields(import.Errors.Select(e => (e.Field, $"line {e.Line}: {e.Problem}")));
        }

        foreach (var bar in import.Bars)
        {
            await writers.Bars.WriteAsync(BarRecord.From(bar), ct);
        }

        // Answer once the rows are in the database: the caller reads them back next.
        await writers.Bars.FlushAsync(ct);
        return TypedResults.Ok(new BarImportReport(import.Layout, import.Rows, import.Bars.Count, import.Rejected,
            import.Errors.Take(MaxErrorsReported).ToArray(), import.Errors.Count > MaxErrorsReported));
    }
}
