using Nautilus.MarketData.Contracts;
using Nautilus.Web.Market;

namespace Nautilus.Web.Portfolio;

/// <summary>Stored daily closes of several instruments as rows of prices by date (null where an instrument has none that day).</summary>
public sealed class StoredCloses(IHttpClientFactory httpClients)
{
    public const int DailyInterval = 86_400;

    public async Task<(DateOnly[] Dates, double?[][] Prices)> LoadAsync(IReadOnlyList<string> symbols, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct = default)
    {
        var client = new MarketDataClient(httpClients.CreateClient(MarketStream.MarketDataHttp));
        var bySymbol = new List<Dictionary<DateOnly, double>>();
        foreach (var symbol in symbols)
        {
            var bars = await client.GetAllBarsAsync(symbol, DailyInterval, from, to, ct: ct);
            bySymbol.Add(bars.ToDictionary(b => DateOnly.FromDateTime(b.TsEvent.ToUtcDateTime()), b => b.Close.AsDouble()));
        }

        var dates = bySymbol.SelectMany(d => d.Keys).Distinct().Order().ToArray();
        var prices = dates.Select(day => bySymbol.Select(d => d.TryGetValue(day, out var close) ? close : (double?)null).ToArray())
            .ToArray();
        return (dates, prices);
    }
}
