using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Positions;
using Nautilus.Execution.Engine.State;
using Nautilus.Model;

namespace Nautilus.Execution.Engine.Apis;

/// <summary>Positions, accounts, the start-up reconciliation, and positions from fills statelessly.</summary>
public static class PositionsApi
{
    public static IEndpointRouteBuilder MapPositionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/execution").WithTags("Positions");
        api.MapGet("/positions", (LiveExecution live, bool open = true) => TypedResults.Ok(live.Positions(open)))
            .WithName("ListPositions").WithSummary("Positions with realised and unrealised P&L (open=false: flat ones too).");
        api.MapGet("/accounts", (LiveExecution live) => TypedResults.Ok(live.Accounts()))
            .WithName("ListAccounts").WithSummary("Each paper account's cash and equity (positions at the latest price seen).");
        api.MapGet("/reconciliation", Reconciliation).WithName("GetReconciliation")
            .WithSummary("The start-up rebuild of positions from stored fills against the positions last stored, with every difference.");
        api.MapPost("/positions/from-fills", FromFills).WithName("PositionsFromFills")
            .WithSummary("Stateless: positions, realised P&L and (with prices) unrealised P&L of a list of fills, netting or hedging.");
        return app;
    }

    public static Results<Ok<Reconciliation>, ProblemHttpResult> Reconciliation(ExecutionStartup startup) =>
        startup.Last is { } last ? TypedResults.Ok(last) : ApiProblems.Unavailable("execution state", "positions are still being rebuilt");

    public static Results<Ok<IReadOnlyList<ExecutionPosition>>, ValidationProblem> FromFills(PositionsRequest request)
    {
        if (request.Mode is not ("netting" or "hedging"))
        {
            return ApiProblems.Field("mode", $"'{request.Mode}' is not netting or hedging");
        }

        var book = new PositionBook(request.Mode == "netting" ? PositionMode.Netting : PositionMode.Hedging);
        var account = new AccountId("request");
        for (var i = 0; i < (request.Fills?.Count ?? 0); i++)
        {
            var f = request.Fills![i];
            if (!Enum.TryParse<OrderSide>(f.Side, true, out var side) || !Enum.IsDefined(side))
            {
                return ApiProblems.Field($"fills[{i}].side", $"'{f.Side}' is not Buy or Sell");
            }

            if (f.Quantity <= 0 || f.Price <= 0 || f.Fee < 0)
            {
                return ApiProblems.Field($"fills[{i}]", "quantity and price must be positive, the fee not negative");
            }

            if (string.IsNullOrWhiteSpace(f.Symbol) || f.Symbol.Contains(' ', StringComparison.Ordinal))
            {
                return ApiProblems.Field($"fills[{i}].symbol", "a symbol without spaces");
            }

            var instrument = new TradableInstrument(new InstrumentId(f.Symbol, "REQ"), 0.00000001m, 0.00000001m, Currency.USD);
            var quantity = Quantity.FromDecimalAtLeast(f.Quantity, 0);
            book.Apply(new Fill(new TradeId($"F{i}"), new ClientOrderId($"O{i}"), null, account, new StrategyId("request"), instrument.Id,
                side,
                quantity, f.Price, f.Fee, Currency.USD, false, f.Ts is { } ts ? UnixNanos.From(ts) : new UnixNanos(i), f.PositionId),
                    instrument);
        }

        return TypedResults.Ok<IReadOnlyList<ExecutionPosition>>([.. book.All.Select(p =>
        {
            decimal? last = request.Prices?.TryGetValue(p.InstrumentId.Symbol, out var price) == true ? price : null;
            return new ExecutionPosition(p.Id, p.AccountId.Value, p.InstrumentId.Symbol, p.Side.ToString(), p.Quantity, p.AveragePrice,
                last,
                p.RealizedPnl, last is { } l ? p.UnrealizedPnl(l) : null, p.Commissions, p.TsOpened?.ToDateTimeOffset(),
                    p.TsLast.ToDateTimeOffset());
        })]);
    }
}
