using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Portfolio.Contracts;
using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Accounting;
using Nautilus.Portfolio.Engine.Calculations;

namespace Nautilus.Portfolio.Engine.Apis;

/// <summary>Valuation and P&amp;L of fills, stateless.</summary>
public static class ValuationApi
{
    public static IEndpointRouteBuilder MapValuationApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/portfolio").WithTags("Portfolio valuation")
            .MapPost("/valuation", Value).WithName("ValuePortfolio")
            .WithSummary("Stateless valuation of fills: positions, FIFO or average-cost realised P&L, unrealised P&L at the last prices, " +
                "cash and NAV in the base currency.")
            .WithDescription("Cash = initialCash − Σ (quantity × price × multiplier + fee) × rate; market value = Σ quantity × price × " +
                "multiplier × rate (a holding without a price is carried at cost); NAV = cash + market value. A currency other than " +
                "the base needs its rate in fxRates (base units per unit).");
        return app;
    }

    public static Results<Ok<ValuationResponse>, ValidationProblem> Value(ValuationRequest request)
    {
        if (request.Fills is not { } entries)
        {
            return ApiProblems.Field("fills", "the portfolio's fills are required (an empty list for cash only)");
        }

        if (!ValuationViews.Methods.TryGetValue(request.Method, out var method))
        {
            return ApiProblems.Field("method", $"one of {string.Join(", ", ValuationViews.Methods.Keys)}");
        }

        var fills = new List<AccountFill>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (string.IsNullOrWhiteSpace(e.Symbol))
            {
                return ApiProblems.Field($"fills[{i}].symbol", "names no instrument");
            }

            var sign = e.Side?.ToLowerInvariant() switch
            {
                "buy" => 1,
                "sell" => -1,
                _ => 0,
            };
            if (sign == 0)
            {
                return ApiProblems.Field($"fills[{i}].side", "buy or sell");
            }

            if (!(e.Quantity > 0))
            {
                return ApiProblems.Field($"fills[{i}].quantity", "must be positive (the side gives the direction)");
            }

            fills.Add(new AccountFill(e.Symbol, sign * e.Quantity, e.Price, e.Fee, e.Currency, e.Multiplier));
        }

        try
        {
            var value = PortfolioValuation.Value(request.BaseCurrency, fills, request.Prices ?? new Dictionary<string, double>(),
                request.FxRates ?? new Dictionary<string, double>(), method, request.InitialCash);
            return TypedResults.Ok(ValuationViews.Of(value, request.Method));
        }
        catch (PortfolioInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }
}
