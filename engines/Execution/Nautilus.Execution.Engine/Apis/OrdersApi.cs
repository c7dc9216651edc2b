using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Contracts;
using Nautilus.Engine.Hosting;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Execution.Engine.Persistence;
using Nautilus.Execution.Engine.State;
using Nautilus.Messaging;
using Nautilus.Model;

namespace Nautilus.Execution.Engine.Apis;

/// <summary>Orders: entry (through the Risk engine's pre-trade check, like a strategy's), the blotter, cancel and modify.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/execution/orders").WithTags("Orders");
        api.MapPost("/", EnterAsync).WithName("EnterOrder")
            .WithSummary("Checks an order (instrument, lot and tick grid, the fields its type needs) and sends it as ORDER_REQUEST: the " +
                "Risk " +
                         "engine's pre-trade check decides, the paper venue fills. 202 with its id(s); stopLoss/takeProfit make a " +
                             "bracket.");
        api.MapGet("/", ListAsync).WithName("ListOrders").WithSummary("The blotter: orders newest first (open=true: only working ones).");
        api.MapGet("/{id}", Get).WithName("GetOrder").WithSummary("One order as the OMS holds it now.");
        api.MapDelete("/{id}", Cancel).WithName("CancelOrder").WithSummary("Cancels a working order; 409 for one already final.");
        api.MapPatch("/{id}", Modify).WithName("ModifyOrder").WithSummary("Changes quantity, limit or trigger of a working order.");
        return app;
    }

    public static async Task<Results<Accepted<OrderAccepted>, ValidationProblem>> EnterAsync(OrderEntry entry,
        InstrumentDirectory instruments,
        IMessagePublisher publisher, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(entry.Symbol) || await instruments.GetAsync(entry.Symbol, ct) is not { } instrument)
        {
            return ApiProblems.Field("symbol", $"unknown instrument '{entry.Symbol}': not in the MarketData engine's master");
        }

        if (!Enum.TryParse<OrderSide>(entry.Side, true, out var side) || !Enum.IsDefined(side))
        {
            return ApiProblems.Field("side", $"'{entry.Side}' is not Buy or Sell");
        }

        if (!Enum.TryParse<OrderType>(entry.Type, true, out var type) || !Enum.IsDefined(type))
        {
            return ApiProblems.Field("type", $"'{entry.Type}' is not Market, Limit, StopMarket or StopLimit");
        }

        if (!Enum.TryParse<TimeInForce>(entry.TimeInForce, true, out var tif) || !Enum.IsDefined(tif))
        {
            return ApiProblems.Field("timeInForce", $"'{entry.TimeInForce}' is not Day, Gtc, Ioc, Fok or Gtd");
        }

        if (entry.Quantity <= 0)
        {
            return ApiProblems.Field("quantity", $"{entry.Quantity}: must be positive");
        }

        ClientOrderId id;
        StrategyId strategy;
        PortfolioId portfolio;
        try
        {
            id = new ClientOrderId(entry.ClientOrderId ?? $"OP-{Guid.NewGuid():N}"[..19]);
            strategy = new StrategyId(entry.StrategyId ?? "operator");
            portfolio = new PortfolioId(entry.PortfolioId);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Field(ex.ParamName ?? "clientOrderId", ex.Message);
        }

        var listId = entry.StopLoss is not null || entry.TakeProfit is not null ? new OrderListId($"BR-{id.Value}"[..Math.Min(64,
            id.Value.Length + 3)]) : (OrderListId?)null;
        Price? PriceOf(decimal? value) => value is { } v ? Price.FromDecimalAtLeast(v, instrument.PricePrecision) : null;
        var quantity = Quantity.FromDecimalAtLeast(entry.Quantity, instrument.SizePrecision);
        var main = new OrderSpec(id, strategy, portfolio, instrument.Id, side, type, quantity, PriceOf(entry.LimitPrice),
            PriceOf(entry.TriggerPrice), tif,
            entry.ExpireTime is { } e ? UnixNanos.From(e) : null, listId, listId is null ? Contingency.None : Contingency.Oto);
        var specs = new List<OrderSpec> { main };
        var exit = side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
        if (entry.StopLoss is { } stop)
        {
            specs.Add(new OrderSpec(new ClientOrderId($"{id.Value}-SL"), strategy, portfolio, instrument.Id, exit, OrderType.StopMarket,
                main.Quantity, TriggerPrice: PriceOf(stop), ListId: listId, Contingency: Contingency.Oco, Parent: id));
        }

        if (entry.TakeProfit is { } target)
        {
            specs.Add(new OrderSpec(new ClientOrderId($"{id.Value}-TP"), strategy, portfolio, instrument.Id, exit, OrderType.Limit,
                main.Quantity, LimitPrice: PriceOf(target), ListId: listId, Contingency: Contingency.Oco, Parent: id));
        }

        foreach (var (spec, index) in specs.Select((s, i) => (s, i)))
        {
            if (spec.Validate(instrument) is [var (field, problem), ..])
            {
                var name = index switch { 0 => field, _ when spec.Type == OrderType.StopMarket => "stopLoss", _ => "takeProfit" };
                return ApiProblems.Field(name, problem);
            }
        }

        var now = UnixNanos.Now(clock);
        foreach (var spec in specs)
        {
            await publisher.PublishAsync(new OrderRequest(spec.ClientOrderId, spec.StrategyId, spec.PortfolioId, spec.InstrumentId,
                spec.Side,
                spec.Type, spec.Quantity, spec.LimitPrice, spec.TimeInForce, now, spec.TriggerPrice, spec.ExpireTime, spec.ListId,
                (byte)spec.Contingency, spec.Parent), cancellationToken: ct);
        }

        return TypedResults.Accepted($"/api/execution/orders/{id.Value}",
            new OrderAccepted([.. specs.Select(s => s.ClientOrderId.Value)], OrderStatus.Initialized.ToString()));
    }

    public static async Task<Ok<IReadOnlyList<ExecutionOrder>>> ListAsync(ExecutionRepository repository, CancellationToken ct,
        bool open = false, int limit = 200) =>
        TypedResults.Ok(await repository.OrdersAsync(open, Math.Clamp(limit, 1, 5_000), ct));

    public static Results<Ok<ExecutionOrder>, ProblemHttpResult> Get(string id, LiveExecution live) =>
        Identifier(id) is { } key && live.Find(key) is { } order ? TypedResults.Ok(order) : ApiProblems.NotFound("id", id, "order");

    public static Results<Accepted<ExecutionOrder>, ProblemHttpResult> Cancel(string id, LiveExecution live)
    {
        if (Identifier(id) is not { } key || live.Find(key) is null)
        {
            return ApiProblems.NotFound("id", id, "order");
        }

        try
        {
            live.Cancel(key);
            return TypedResults.Accepted($"/api/execution/orders/{id}", live.Find(key)!);
        }
        catch (IllegalOrderTransitionException ex)
        {
            return ApiProblems.InvalidState("id", id, $"order {id} is {ex.From}: only a working order can be cancelled");
        }
    }

    public static Results<Ok<ExecutionOrder>, ValidationProblem, ProblemHttpResult> Modify(string id, OrderModification change,
        LiveExecution live)
    {
        if (Identifier(id) is not { } key || live.Find(key) is null)
        {
            return ApiProblems.NotFound("id", id, "order");
        }

        if (change.Quantity is null && change.LimitPrice is null && change.TriggerPrice is null)
        {
            return ApiProblems.Field("quantity", "give a new quantity, limitPrice or triggerPrice");
        }

        try
        {
            live.Modify(key, change.Quantity, change.LimitPrice, change.TriggerPrice);
            return TypedResults.Ok(live.Find(key)!);
        }
        catch (IllegalOrderTransitionException ex)
        {
            return ApiProblems.InvalidState("id", id, $"order {id} is {ex.From}: only a working order can be modified");
        }
        catch (OrderValidationException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Field(change.Quantity is not null ? "quantity" : "limitPrice", ex.Message);
        }
    }

    private static ClientOrderId? Identifier(string id)
    {
        try
        {
            return new ClientOrderId(id);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
