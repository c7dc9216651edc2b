using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Contracts;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Portfolio.Contracts;
using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Rebalancing;
using Nautilus.Portfolio.Domain.Structure;
using Nautilus.Portfolio.Engine.Extensions;
using Nautilus.Portfolio.Engine.Persistence;
using Nautilus.Portfolio.Engine.State;

namespace Nautilus.Portfolio.Engine.Apis;

/// <summary>
/// Rebalancing: stateless proposals from raw inputs; proposals from a portfolio's live holdings, prices and the instrument master's
/// lot sizes, stored; an approved proposal sent as market ORDER_REQUESTs (sales first) through the Risk and Execution engines.
/// </summary>
public static class RebalanceApi
{
    /// <summary>The strategy id the orders of approved proposals carry.</summary>
    public const string StrategyName = "rebalance";

    public static IEndpointRouteBuilder MapRebalanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/portfolio").WithTags("Rebalancing");
        api.MapPost("/rebalance", Rebalance).WithName("Rebalance")
            .WithSummary("Stateless: the orders, in whole lots, that move cash and holdings to target weights, with cash left, " +
                "turnover and estimated costs.")
            .WithDescription("Each wanted change is target × NAV − value; above maxTurnover (Σ|trade value| ÷ NAV) all are scaled " +
                "back alike; quantities round to the nearest lot (a holding targeted at 0 is sold out); while cash after costs is " +
                "below minCash × NAV the buy that overshot most gives back a lot. Costs: costBps of each trade's value.");
        api.MapPost("/portfolios/{id}/proposals", ProposeAsync).WithName("ProposeRebalance")
            .WithSummary("A proposal from the portfolio's live holdings and last prices to target weights or a sleeve's, stored.");
        api.MapGet("/portfolios/{id}/proposals", ProposalsAsync).WithName("ListProposals")
            .WithSummary("The portfolio's proposals, newest first.");
        api.MapPost("/proposals/{proposalId}/approve", ApproveAsync).WithName("ApproveProposal")
            .WithSummary("Sends the proposal's trades as market ORDER_REQUESTs (sales first) through Risk and Execution, once.");
        return app;
    }

    public static Results<Ok<RebalanceResponse>, ValidationProblem> Rebalance(RebalanceRequest request)
    {
        if (request.Holdings is not { } holdings)
        {
            return ApiProblems.Field("holdings", "the holdings with their prices are required (quantity 0 for one not held yet)");
        }

        if (request.TargetWeights is not { } targets)
        {
            return ApiProblems.Field("targetWeights", "symbol → weight is required");
        }

        try
        {
            var proposal = Rebalancer.Propose(request.Cash,
                [.. holdings.Select(h => new RebalanceHolding(h.Symbol ?? "", h.Quantity, h.Price, h.LotSize))], targets,
                new RebalanceOptions(request.MaxTurnover, request.CostBps, request.MinCash));
            return TypedResults.Ok(ResponseOf(proposal));
        }
        catch (PortfolioInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static async Task<Results<Created<ProposalView>, ValidationProblem, ProblemHttpResult>> ProposeAsync(string id,
        ProposalRequest request, LivePortfolios live, PortfolioRepository repository, MarketDataClient marketData, TimeProvider clock,
        CancellationToken ct)
    {
        if (live.Find(id) is not { } state)
        {
            return ApiProblems.NotFound("id", id, "portfolio");
        }

        IReadOnlyDictionary<string, double> targets;
        if (request.SleeveId is { } sleeveId)
        {
            var sleeve = new PortfolioBook((await repository.NodesAsync(ct)).Select(r => r.Node)).Find(sleeveId);
            if (sleeve is not { Kind: NodeKind.Sleeve, Goal: { } goal } || sleeve.ParentId != id)
            {
                return ApiProblems.Field("sleeveId", $"'{sleeveId}' is not a sleeve of portfolio '{id}'");
            }

            targets = goal.TargetWeights;
        }
        else if (request.TargetWeights is { } given)
        {
            targets = given;
        }
        else
        {
            return ApiProblems.Field("targetWeights", "give target weights (symbol → weight) or a sleeveId");
        }

        if (state.Value is not { } value)
        {
            return PortfolioProblems.NotValued(state);
        }

        var symbols = value.Holdings.Where(h => h.Quantity != 0).Select(h => h.Symbol).Union(targets.Keys, StringComparer.Ordinal)
            .ToArray();
        var prices = live.PricesOf(symbols);
        var holdings = new List<RebalanceHolding>();
        var venues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var field = targets.ContainsKey(symbol) ? $"targetWeights.{symbol}" : "holdings";
            InstrumentTerms? terms;
            try
            {
                terms = await marketData.GetInstrumentAsync(symbol, ct);
            }
            catch (HttpRequestException ex)
            {
                return ApiProblems.Unavailable("marketdata-engine", $"the instrument master cannot be asked for {symbol}'s lot size: " +
                    ex.Message);
            }

            if (terms is null)
            {
                return ApiProblems.Field(field, $"'{symbol}' is not in the instrument master");
            }

            if (!prices.TryGetValue(symbol, out var price))
            {
                return ApiProblems.InvalidState("prices", symbol, $"No price yet for {symbol}: a proposal needs the last price of each.");
            }

            if (live.Rate(terms.Currency, state.BaseCurrency) is not { } rate)
            {
                return ApiProblems.InvalidState("fxRates", terms.Currency,
                    $"No FX rate from {terms.Currency} to {state.BaseCurrency} yet: price the pair {terms.Currency}/{state.BaseCurrency}.");
            }

            venues[symbol] = terms.Venue;
            var held = value.Holdings.FirstOrDefault(h => h.Symbol == symbol)?.Quantity ?? 0;
            holdings.Add(new RebalanceHolding(symbol, held, price * rate, (double)terms.LotSize));
        }

        RebalanceProposal proposal;
        try
        {
            proposal = Rebalancer.Propose(value.Cash, holdings, targets,
                new RebalanceOptions(request.MaxTurnover, request.CostBps, request.MinCash));
        }
        catch (PortfolioInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }

        var row = new ProposalRow($"rb-{Guid.NewGuid():N}"[..15], id, "Proposed", clock.GetUtcNow(), null,
            new StoredProposal(ResponseOf(proposal), venues, []));
        await repository.InsertProposalAsync(row, ct);
        return TypedResults.Created($"/api/portfolio/portfolios/{Uri.EscapeDataString(id)}/proposals", ViewOf(row));
    }

    public static async Task<Results<Ok<IReadOnlyList<ProposalView>>, ProblemHttpResult>> ProposalsAsync(string id, LivePortfolios live,
        PortfolioRepository repository, CancellationToken ct)
    {
        if (live.Find(id) is null)
        {
            return ApiProblems.NotFound("id", id, "portfolio");
        }

        return TypedResults.Ok<IReadOnlyList<ProposalView>>([.. (await repository.ProposalsAsync(id, null, ct)).Select(ViewOf)]);
    }

    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> ApproveAsync(string proposalId, PortfolioRepository repository,
        IMessagePublisher publisher, PortfolioMetrics metrics, TimeProvider clock, CancellationToken ct)
    {
        if ((await repository.ProposalsAsync(null, proposalId, ct)) is not [var row])
        {
            return ApiProblems.NotFound("proposalId", proposalId, "proposal");
        }

        if (row.Status != "Proposed")
        {
            return ApiProblems.InvalidState("proposalId", proposalId,
                $"Proposal '{proposalId}' was {row.Status.ToLowerInvariant()} before.");
        }

        var now = clock.GetUtcNow();
        var trades = row.Proposal.Proposal.Trades.OrderBy(t => t.Side == "Sell" ? 0 : 1).ToArray();
        var orders = trades.Select((t, i) => new OrderRequest(new ClientOrderId($"{proposalId}-{i + 1}"), new StrategyId(StrategyName),
            new PortfolioId(row.PortfolioId), new InstrumentId(t.Symbol, row.Proposal.Venues[t.Symbol]),
            t.Side == "Buy" ? OrderSide.Buy : OrderSide.Sell, OrderType.Market, Quantity.FromDecimalAtLeast((decimal)t.Quantity, 0),
            null, TimeInForce.Gtc, UnixNanos.From(now))).ToArray();
        var sent = row.Proposal with { ClientOrderIds = [.. orders.Select(o => o.ClientOrderId.Value)] };
        // Marked first: a second approval is refused before anything is sent twice.
        if (!await repository.MarkSentAsync(proposalId, sent, now, ct))
        {
            return ApiProblems.InvalidState("proposalId", proposalId, $"Proposal '{proposalId}' was approved before.");
        }

        foreach (var order in orders)
        {
            await publisher.PublishAsync(order, cancellationToken: ct);
        }

        metrics.RebalanceOrdersSent(orders.Length);
        return TypedResults.Ok(ViewOf(row with { Status = "Sent", SentAt = now, Proposal = sent }));
    }

    private static RebalanceResponse ResponseOf(RebalanceProposal p) =>
        new([.. p.Trades.Select(t => new ProposedTradeView(t.Symbol, t.Quantity > 0 ? "Buy" : "Sell", Math.Abs(t.Quantity), t.Price,
                t.Value, t.EstimatedCost, t.CurrentWeight, t.TargetWeight, t.ResultingWeight))],
            p.NetAssetValue, p.CashBefore, p.CashAfter, p.Turnover, p.EstimatedCost, p.TurnoverLimited);

    private static ProposalView ViewOf(ProposalRow row) =>
        new(row.Id, row.PortfolioId, row.Status, row.CreatedAt, row.SentAt, row.Proposal.Proposal, row.Proposal.ClientOrderIds);
}
