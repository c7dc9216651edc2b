using System.Collections.Concurrent;
using Nautilus.Execution.Domain;
using Nautilus.MarketData.Contracts;
using Nautilus.Model;

namespace Nautilus.Execution.Contracts;

/// <summary>The trading terms of instruments, asked of the MarketData engine's master once each and kept: what the Execution
/// and Strategy engines size and price orders by.</summary>
public sealed class InstrumentDirectory(MarketDataClient marketData)
{
    private readonly ConcurrentDictionary<string, TradableInstrument> _known = new(StringComparer.Ordinal);

    /// <summary>The instrument of <paramref name="symbol"/>; null when the master has no such symbol.</summary>
    public async Task<TradableInstrument?> GetAsync(string symbol, CancellationToken ct)
    {
        if (_known.TryGetValue(symbol, out var known))
        {
            return known;
        }

        if (await marketData.GetInstrumentAsync(symbol, ct) is not { } terms)
        {
            return null;
        }

        var instrument = new TradableInstrument(new InstrumentId(terms.Symbol, terms.Venue), terms.TickSize, terms.LotSize,
            Currency.Of(terms.Currency));
        return _known.GetOrAdd(symbol, instrument);
    }
}
