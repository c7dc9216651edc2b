using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Contracts;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Replay;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.MarketData.Engine.Replay;
using Nautilus.Model;

namespace Nautilus.MarketData.Engine.Apis;

/// <summary>Tick files for the tick-replay feed: upload (every row checked), list, delete.</summary>
public static class ReplayFilesApi
{
    public const int MaxErrorsReported = 200;

    public static IEndpointRouteBuilder MapReplayFilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/replay/files").WithTags("Replay");
        api.MapGet("/", (ReplayFiles files) => TypedResults.Ok(files.List())).WithName("ListReplayFiles")
            .WithSummary("The tick files the tick-replay feed can play.");
        api.MapPut("/{name}", UploadAsync).WithName("UploadReplayFile")
            .Accepts<string>("text/csv", "text/plain", "application/vnd.apache.parquet", "application/octet-stream")
            .WithSummary("Stores a tick file (CSV or Parquet: time, symbol, price/size for trades, bid/bid_size/ask/ask_size for quotes, " +
                         "optional type, side, seq, trade_id) after reading every row; `symbol` names the instrument of a file " +
                         "without a symbol column. Answers what the file holds and, by line and column, each row that cannot be read " +
                         "or that the validator will refuse. Play it with POST /api/feeds/tick-replay/start {\"file\": name, \"speed\": 10}.");
        api.MapDelete("/{name}", Delete).WithName("DeleteReplayFile").WithSummary("Deletes a tick file.");
        return app;
    }

    public static async Task<Results<Ok<TickFileReport>, ValidationProblem>> UploadAsync(
        string name, HttpRequest request, ReplayFiles files, InstrumentRepository instruments, string? symbol = null, CancellationToken ct = default)
    {
        if (!ReplayFiles.IsValidName(name))
        {
            return ApiProblems.Field("name", "letters, digits, '.', '-', '_' (not starting with '.'), at most 100 characters");
        }

        var (upload, problem) = await UploadBody.ReadAsync(request, ct);
        if (upload is null)
        {
            return problem!;
        }

        var import = TickFileReader.Read(upload.Rows, symbol);

        if (import.Ticks.Count == 0)
        {
            return import.Errors.Count > 0
                ? ApiProblems.Fields(import.Errors.Take(MaxErrorsReported).Select(e => (e.Field, $"line {e.Line}: {e.Problem}")))
                : ApiProblems.Field("body", "the file has no rows");
        }

        await files.SaveAsync(name, upload.Content, ct);
        var refused = TickFileReader.Validate(import.Ticks, instruments.IsKnown);
        var errors = import.Errors.Concat(refused).OrderBy(e => e.Line).ToList();
        var times = import.Ticks.Select(t => t.Tick.TsNs).ToArray();
        return TypedResults.Ok(new TickFileReport(name, import.Layout, import.Rows, import.Trades, import.Quotes,
            import.Ticks.Count - refused.Count, import.Errors.Count + refused.Count,
            import.Ticks.Select(t => t.Tick.Symbol).Distinct().Order(StringComparer.Ordinal).ToArray(),
            new UnixNanos(times.Min()).ToDateTimeOffset(), new UnixNanos(times.Max()).ToDateTimeOffset(),
            errors.Take(MaxErrorsReported).ToArray(), errors.Count > MaxErrorsReported));
    }

    public static Results<NoContent, ProblemHttpResult> Delete(string name, ReplayFiles files) =>
        files.Delete(name) ? TypedResults.NoContent() : ApiProblems.NotFound("name", name, "tick file");
}
