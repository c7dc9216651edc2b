using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Domain.Instruments;
using Nautilus.MarketData.Engine.Instruments;

namespace Nautilus.MarketData.Engine.Apis;

/// <summary>The instrument master: list, read, create, replace, delete.</summary>
public static class InstrumentsApi
{
    public static IEndpointRouteBuilder MapInstrumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/instruments").WithTags("Instruments");
        api.MapGet("/", ListAsync).WithName("ListInstruments").WithSummary("Every instrument of the master, by symbol.");
        api.MapGet("/{symbol}", GetAsync).WithName("GetInstrument").WithSummary("One instrument.");
        api.MapPost("/", CreateAsync).WithName("CreateInstrument").WithSummary("Adds an instrument; 409 when the symbol exists.");
        api.MapPut("/{symbol}", UpdateAsync).WithName("UpdateInstrument").WithSummary("Replaces an instrument's definition.");
        api.MapDelete("/{symbol}", DeleteAsync).WithName("DeleteInstrument").WithSummary("Removes an instrument (its stored data stays).");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<Instrument>>> ListAsync(InstrumentRepository repository, CancellationToken ct) =>
        TypedResults.Ok(await repository.ListAsync(ct));

    public static async Task<Results<Ok<Instrument>, ProblemHttpResult>> GetAsync(string symbol, InstrumentRepository repository, CancellationToken ct) =>
        await repository.GetAsync(symbol, ct) is { } instrument
            ? TypedResults.Ok(instrument)
            : ApiProblems.NotFound("symbol", symbol, "instrument");

    public static async Task<Results<Created<Instrument>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Instrument instrument, InstrumentRepository repository, CancellationToken ct)
    {
        if (instrument.Validate() is { Count: > 0 } problems)
        {
            return ApiProblems.Fields(problems);
        }

        return await repository.CreateAsync(instrument, ct)
            ? TypedResults.Created($"/api/instruments/{instrument.Symbol}", instrument)
            : ApiProblems.Conflict("symbol", instrument.Symbol, "instrument");
    }

    public static async Task<Results<Ok<Instrument>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string symbol, Instrument instrument, InstrumentRepository repository, CancellationToken ct)
    {
        if (instrument.Symbol != symbol)
        {
            return ApiProblems.Field("symbol", $"the body's symbol '{instrument.Symbol}' is not the one in the path '{symbol}'");
        }

        if (instrument.Validate() is { Count: > 0 } problems)
        {
            return ApiProblems.Fields(problems);
        }

        return await repository.UpdateAsync(instrument, ct)
            ? TypedResults.Ok(instrument)
            : ApiProblems.NotFound("symbol", symbol, "instrument");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string symbol, InstrumentRepository repository, CancellationToken ct) =>
        await repository.DeleteAsync(symbol, ct) ? TypedResults.NoContent() : ApiProblems.NotFound("symbol", symbol, "instrument");
}
