using Microsoft.Extensions.Options;
using Nautilus.Model;
using Nautilus.Portfolio.Domain.Accounting;
using Nautilus.Portfolio.Domain.Structure;
using Nautilus.Portfolio.Engine.Extensions;

namespace Nautilus.Portfolio.Engine.State;

/// <summary>A fill booked to a portfolio: signed quantity (positive bought), price and fee in <see cref="Currency"/>.</summary>
public sealed record BookedFill(string TradeId, string PortfolioId, string ClientOrderId, string Symbol, double Quantity, double Price,
    double Fee, string Currency, UnixNanos Ts);

/// <summary>A portfolio valued at a market time.</summary>
public sealed record Valuation(string PortfolioId, PortfolioValue Value, UnixNanos AsOf);

/// <summary>
/// A portfolio as it stands: its valuation, or null with what it is missing: holdings without a price yet, or a
/// <see cref="Problem"/> (a currency without an FX rate).
/// </summary>
public sealed record PortfolioState(string PortfolioId, PortfolioNode? Node, string BaseCurrency, PortfolioValue? Value,
    IReadOnlyList<string> Unpriced, string? Problem, int Fills, UnixNanos? AsOf, IReadOnlyDictionary<string, double> Reported);

/// <summary>
/// The live book of record: fills booked to each portfolio (from TRADE_EXECUTION, rebuilt from storage at start), the last price
/// of every instrument (PRICE_UPDATE), the positions the Execution engine reports (POSITION_CHANGE) to check them against, and
/// the book's nodes for base currencies and funding. A fill values its portfolio at once; a price of one of its holdings at most
/// once per <see cref="PortfolioOptions.UpdateEvery"/> of market time. A portfolio with a holding that has no price yet is not
/// valued: its NAV would be a guess.
/// </summary>
public sealed class LivePortfolios(IOptions<PortfolioOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<BookedFill>> _fills = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tradeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnixNanos> _priceTimes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _holders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnixNanos> _asOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _reported = new(StringComparer.Ordinal);
    private PortfolioBook _book = new([]);
    private IReadOnlyList<PortfolioNode> _nodes = [];

    public void SetBook(IReadOnlyList<PortfolioNode> nodes)
    {
        lock (_gate)
        {
            _nodes = nodes;
            _book = new PortfolioBook(nodes);
        }
    }

    public void Restore(IEnumerable<BookedFill> fills)
    {
        lock (_gate)
        {
            foreach (var fill in fills)
            {
                Add(fill);
            }
        }
    }

    /// <summary>Books a fill: false when it was booked before (a redelivery); otherwise its portfolio valued, if it can be.</summary>
    public (bool Booked, Valuation? Valued) Book(BookedFill fill)
    {
        lock (_gate)
        {
            return Add(fill) ? (true, TryValue(fill.PortfolioId, fill.Ts, force: true)) : (false, null);
        }
    }

    /// <summary>A new price: the portfolios holding the instrument that are due a valuation, valued.</summary>
    public IReadOnlyList<Valuation> OnPrice(string symbol, double price, UnixNanos ts)
    {
        lock (_gate)
        {
            _prices[symbol] = price;
            _priceTimes[symbol] = ts;
            if (FxRates.IsPair(symbol))
            {
                _pairs[symbol] = price;
            }

            if (!_holders.TryGetValue(symbol, out var holders))
            {
                return [];
            }

            var valued = new List<Valuation>();
            foreach (var portfolio in holders)
            {
                if (TryValue(portfolio, ts, force: false) is { } v)
                {
                    valued.Add(v);
                }
            }

            return valued;
        }
    }

    /// <summary>The Execution engine's position of a portfolio in an instrument (signed), to check the booked one against.</summary>
    public void OnPosition(string portfolio, string symbol, double quantity)
    {
        lock (_gate)
        {
            if (!_reported.TryGetValue(portfolio, out var positions))
            {
                _reported[portfolio] = positions = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            positions[symbol] = quantity;
        }
    }

    /// <summary>Every portfolio of the book and every one fills were booked to.</summary>
    public IReadOnlyList<PortfolioState> All()
    {
        lock (_gate)
        {
            var ids = _nodes.Where(n => n.Kind == NodeKind.Portfolio).Select(n => n.Id).Union(_fills.Keys, StringComparer.Ordinal);
            return [.. ids.Order(StringComparer.Ordinal).Select(id => StateOf(id, CostMethod.Fifo))];
        }
    }

    /// <summary>A portfolio now, its P&amp;L by <paramref name="method"/>; null when it is neither in the book nor traded.</summary>
    public PortfolioState? Find(string portfolio, CostMethod method = CostMethod.Fifo)
    {
        lock (_gate)
        {
            return _fills.ContainsKey(portfolio) || _book.Find(portfolio)?.Kind == NodeKind.Portfolio ? StateOf(portfolio, method) : null;
        }
    }

    public IReadOnlyList<BookedFill> FillsOf(string portfolio)
    {
        lock (_gate)
        {
            return _fills.TryGetValue(portfolio, out var fills) ? [.. fills] : [];
        }
    }

    /// <summary>The last price of each symbol asked for that has one.</summary>
    public Dictionary<string, double> PricesOf(IEnumerable<string> symbols)
    {
        lock (_gate)
        {
            return Prices(symbols);
        }
    }

    private Dictionary<string, double> Prices(IEnumerable<string> symbols)
    {
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (_prices.TryGetValue(symbol, out var p))
            {
                prices[symbol] = p;
            }
        }

        return prices;
    }

    /// <summary>Units of <paramref name="baseCurrency"/> per unit of <paramref name="currency"/> from the pairs priced so far.</summary>
    public double? Rate(string currency, string baseCurrency)
    {
        lock (_gate)
        {
            return currency == baseCurrency ? 1 : FxRates.From(_pairs, baseCurrency).TryGetValue(currency, out var r) ? r : null;
        }
    }

    private bool Add(BookedFill fill)
    {
        if (!_tradeIds.Add(fill.TradeId))
        {
            return false;
        }

        if (!_fills.TryGetValue(fill.PortfolioId, out var fills))
        {
            _fills[fill.PortfolioId] = fills = [];
        }

        fills.Add(fill);
        if (!_holders.TryGetValue(fill.Symbol, out var holders))
        {
            _holders[fill.Symbol] = holders = new HashSet<string>(StringComparer.Ordinal);
        }

        holders.Add(fill.PortfolioId);
        return true;
    }

    private Valuation? TryValue(string portfolio, UnixNanos ts, bool force)
    {
        var last = _asOf.GetValueOrDefault(portfolio);
        if (!force && _asOf.ContainsKey(portfolio) && ts - last < options.Value.UpdateEvery)
        {
            return null;
        }

        var state = StateOf(portfolio, CostMethod.Fifo);
        if (state.Value is not { } value)
        {
            return null;
        }

        // As of the latest of what it was valued with: a fill can arrive after the prices that followed it.
        var asOf = ts > last ? ts : last;
        foreach (var holding in value.Holdings)
        {
            if (_priceTimes.TryGetValue(holding.Symbol, out var priced) && priced > asOf)
            {
                asOf = priced;
            }
        }

        _asOf[portfolio] = asOf;
        return new Valuation(portfolio, value, asOf);
    }

    private PortfolioState StateOf(string portfolio, CostMethod method)
    {
        var node = _book.Find(portfolio);
        var baseCurrency = _book.CurrencyOf(portfolio).Code;
        var fills = _fills.TryGetValue(portfolio, out var f) ? f : [];
        var reported = _reported.TryGetValue(portfolio, out var r) ? new Dictionary<string, double>(r) : [];
        var asOf = _asOf.TryGetValue(portfolio, out var t) ? t : (UnixNanos?)null;
        var positions = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var fill in fills)
        {
            positions[fill.Symbol] = positions.GetValueOrDefault(fill.Symbol) + fill.Quantity;
        }

        var unpriced = positions.Where(p => Math.Abs(p.Value) > 1e-12 && !_prices.ContainsKey(p.Key)).Select(p => p.Key)
            .Order(StringComparer.Ordinal).ToArray();
        if (unpriced.Length > 0)
        {
            return new PortfolioState(portfolio, node, baseCurrency, null, unpriced, null, fills.Count, asOf, reported);
        }

        try
        {
            var value = PortfolioValuation.Value(baseCurrency,
                [.. fills.Select(x => new AccountFill(x.Symbol, x.Quantity, x.Price, x.Fee, x.Currency))],
                Prices(positions.Keys), FxRates.From(_pairs, baseCurrency), method, node?.OpeningCash ?? 0);
            return new PortfolioState(portfolio, node, baseCurrency, value, [], null, fills.Count, asOf, reported);
        }
        catch (Domain.PortfolioInputException ex)
        {
            return new PortfolioState(portfolio, node, baseCurrency, null, [], ex.Problem, fills.Count, asOf, reported);
        }
    }
}
