namespace Nautilus.Portfolio.Domain.Accounting;

/// <summary>A fill of an instrument, in the instrument's currency.</summary>
public sealed record AccountFill(string Symbol, double Quantity, double Price, double Fee, string Currency, double Multiplier = 1);

/// <summary>One holding valued in the base currency (its position, cost and price in its own).</summary>
public sealed record HoldingValue(string Symbol, string Currency, double Quantity, double AverageCost, double? Price, double MarketValue,
    double RealizedPnl, double UnrealizedPnl, double Fees);

/// <summary>A portfolio valued in its base currency: holdings, cash, P&amp;L and net asset value.</summary>
public sealed record PortfolioValue(string BaseCurrency, IReadOnlyList<HoldingValue> Holdings, double Cash, double MarketValue,
    double RealizedPnl, double UnrealizedPnl, double Fees, double NetAssetValue);

/// <summary>
/// Values a portfolio from its fills, last prices and FX rates: positions and realised P&amp;L by FIFO or average cost,
/// unrealised P&amp;L at the last price, cash from the initial cash less what the trades cost (fees included), everything
/// converted to the base currency at the rates given (units of base per unit of each currency; the base is 1). A holding
/// without a price is carried at cost and says so (<see cref="HoldingValue.Price"/> null).
/// </summary>
public static class PortfolioValuation
{
    public static PortfolioValue Value(string baseCurrency, IReadOnlyList<AccountFill> fills, IReadOnlyDictionary<string, double> prices,
        IReadOnlyDictionary<string, double> fxRates, CostMethod method, double initialCash = 0)
    {
        double Rate(string currency, string field) => currency == baseCurrency ? 1
            : fxRates.TryGetValue(currency, out var rate) && rate > 0 && double.IsFinite(rate) ? rate
            : throw new PortfolioInputException(field, $"no FX rate from {currency} to {baseCurrency}: add it to fxRates");

        var books = new Dictionary<string, (LotBook Book, string Currency, double Multiplier)>(StringComparer.Ordinal);
        var cash = initialCash;
        for (var i = 0; i < fills.Count; i++)
        {
            var fill = fills[i];
            if (!(fill.Multiplier > 0))
            {
                throw new PortfolioInputException($"fills[{i}].multiplier", "must be positive");
            }

            if (!books.TryGetValue(fill.Symbol, out var entry))
            {
                books[fill.Symbol] = entry = (new LotBook(method, fill.Multiplier), fill.Currency, fill.Multiplier);
            }
            else if (entry.Currency != fill.Currency || entry.Multiplier != fill.Multiplier)
            {
                throw new PortfolioInputException($"fills[{i}]",
                    $"{fill.Symbol} was traded in {entry.Currency} × {entry.Multiplier} before");
            }

            try
            {
                entry.Book.Apply(new Trade(fill.Quantity, fill.Price, fill.Fee));
            }
            catch (PortfolioInputException ex)
            {
                throw new PortfolioInputException($"fills[{i}]", ex.Problem);
            }

            cash -= (fill.Quantity * fill.Price * fill.Multiplier + fill.Fee) * Rate(fill.Currency, $"fills[{i}].currency");
        }

        var holdings = new List<HoldingValue>();
        foreach (var (symbol, (book, currency, multiplier)) in books)
        {
            var rate = Rate(currency, "fxRates");
            double? price = prices.TryGetValue(symbol, out var p) ? p : null;
            var mark = price ?? book.AverageCost;
            holdings.Add(new HoldingValue(symbol, currency, book.Quantity, book.AverageCost, price,
                book.Quantity * mark * multiplier * rate,
                book.Realized * rate, book.Unrealized(mark) * rate, book.Fees * rate));
        }

        var marketValue = holdings.Sum(h => h.MarketValue);
        return new PortfolioValue(baseCurrency, holdings, cash, marketValue, holdings.Sum(h => h.RealizedPnl),
            holdings.Sum(h => h.UnrealizedPnl),
            holdings.Sum(h => h.Fees), cash + marketValue);
    }
}
