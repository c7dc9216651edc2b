using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nautilus.MarketData.Contracts;
using Nautilus.Model;
using Nautilus.Risk.Domain.History;
using Nautilus.Risk.Engine.Extensions;

namespace Nautilus.Risk.Engine.State;

/// <summary>
/// Daily closes of instruments from the MarketData engine's stored daily bars (it owns them), kept for
/// <see cref="RiskOptions.HistoryCacheFor"/> so a schedule over many portfolios asks once per instrument.
/// </summary>
public sealed class DailyCloses(IHttpClientFactory http, IOptions<RiskOptions> options, TimeProvider clock)
{
    /// <summary>The named client (a singleton must not hold a typed client's handler for ever).</summary>
    public const string HttpClientName = "marketdata-history";

    private const int DailyInterval = 86_400;
    private readonly ConcurrentDictionary<(InstrumentId, DateOnly, DateOnly), (DateTimeOffset At,
        IReadOnlyList<DailyClose> Closes)> _cache = new();

    public async Task<ReturnHistory> ReturnsAsync(IEnumerable<InstrumentId> instruments, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var closes = new Dictionary<InstrumentId, IReadOnlyList<DailyClose>>();
        foreach (var instrument in instruments)
        {
            closes[instrument] = await OfAsync(instrument, from, to, ct);
        }

        return ReturnHistory.FromCloses(closes);
    }

    public async Task<IReadOnlyList<DailyClose>> OfAsync(InstrumentId instrument, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = (instrument, from, to);
        if (_cache.TryGetValue(key, out var cached) && now - cached.At < options.Value.HistoryCacheFor)
        {
            return cached.Closes;
        }

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        IReadOnlyList<DailyClose> closes;
        try
        {
            var bars = await new MarketDataClient(http.CreateClient(HttpClientName)).GetAllBarsAsync(instrument.Symbol, DailyInterval,
                start, end, ct: ct);
            closes = bars.Select(b => new DailyClose(DateOnly.FromDateTime(b.TsEvent.ToUtcDateTime()), b.Close.AsDouble())).ToArray();
        }
        catch (MarketDataRequestException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            closes = []; // an instrument MarketData does not know has no history: reported as missing, not an error
        }

        _cache[key] = (now, closes);
        return closes;
    }
}
