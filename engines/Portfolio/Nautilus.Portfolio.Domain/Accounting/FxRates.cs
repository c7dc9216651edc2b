namespace Nautilus.Portfolio.Domain.Accounting;

/// <summary>
/// Rates to a base currency from the prices of currency pairs: a pair is written <c>EUR/USD</c>, <c>EUR-USD</c> or <c>EURUSD</c>
/// and priced in units of its second currency per unit of its first. A rate comes from the pair quoted against the base
/// directly, or inverted when the base is quoted against it.
/// </summary>
public static class FxRates
{
    public static Dictionary<string, double> From(IReadOnlyDictionary<string, double> prices, string baseCurrency)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (symbol, price) in prices)
        {
            if (!(price > 0) || Pair(symbol) is not var (first, second))
            {
                continue;
            }

            if (second == baseCurrency)
            {
                rates[first] = price;
            }
            else if (first == baseCurrency)
            {
                rates.TryAdd(second, 1 / price);
            }
        }

        return rates;
    }

    /// <summary>Whether <paramref name="symbol"/> names a currency pair.</summary>
    public static bool IsPair(string symbol) => Pair(symbol) is not null;

    private static (string, string)? Pair(string symbol)
    {
        var parts = symbol.Split('/', '-');
        if (parts is [var a, var b] && IsCode(a) && IsCode(b))
        {
            return (a, b);
        }

        return symbol.Length == 6 && IsCode(symbol[..3]) && IsCode(symbol[3..]) ? (symbol[..3], symbol[3..]) : null;
    }

    private static bool IsCode(string s) => s.Length == 3 && s.All(char.IsAsciiLetterUpper);
}
