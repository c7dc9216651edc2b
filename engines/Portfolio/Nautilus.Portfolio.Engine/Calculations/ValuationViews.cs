using Nautilus.Portfolio.Contracts;
using Nautilus.Portfolio.Domain.Accounting;

namespace Nautilus.Portfolio.Engine.Calculations;

/// <summary>Valuations as the API answers them.</summary>
public static class ValuationViews
{
    /// <summary>The cost methods by their names in requests.</summary>
    public static readonly IReadOnlyDictionary<string, CostMethod> Methods = new Dictionary<string, CostMethod>(StringComparer.Ordinal)
    {
        ["fifo"] = CostMethod.Fifo,
        ["average-cost"] = CostMethod.AverageCost,
    };

    public static ValuationResponse Of(PortfolioValue value, string method) =>
        new(value.BaseCurrency, method,
            [.. value.Holdings.Select(h => new HoldingView(h.Symbol, h.Currency, h.Quantity, h.AverageCost, h.Price, h.MarketValue,
                h.RealizedPnl, h.UnrealizedPnl, h.Fees))],
            value.Cash, value.MarketValue, value.RealizedPnl, value.UnrealizedPnl, value.Fees, value.NetAssetValue);
}
