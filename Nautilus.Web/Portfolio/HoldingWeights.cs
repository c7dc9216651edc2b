using Nautilus.Portfolio.Contracts;

namespace Nautilus.Web.Portfolio;

/// <summary>
/// A portfolio's weights as the factor model reads them: each holding's market value ÷ NAV (shorts negative; cash the rest).
/// </summary>
public static class HoldingWeights
{
    /// <summary>Symbol → weight of the holdings held; throws <see cref="FormatException"/> when the NAV is not positive.</summary>
    public static Dictionary<string, double> Of(ValuationResponse valuation)
    {
        if (!(valuation.NetAssetValue > 0))
        {
            throw new FormatException($"the portfolio's NAV is {valuation.NetAssetValue:N2} {valuation.BaseCurrency}: no weights");
        }

        return valuation.Holdings.Where(h => h.Quantity != 0).GroupBy(h => h.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(h => h.MarketValue) / valuation.NetAssetValue, StringComparer.Ordinal);
    }
}
