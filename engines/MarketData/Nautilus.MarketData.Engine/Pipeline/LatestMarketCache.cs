using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace Nautilus.MarketData.Engine.Pipeline;

public sealed record LatestQuote(string Symbol, DateTimeOffset Ts, double Bid, double BidSize, double Ask, double AskSize, double? Last)
{
    public double Mid => (Bid + Ask) / 2;
    public double Spread => Ask - Bid;
}

public sealed record LatestBook(string Symbol, DateTimeOffset Ts, double[] BidPrices, double[] BidSizes, double[] AskPrices, double[] AskSizes);

/// <summary>
/// The latest quote and book of every instrument, in Redis (shared by replicas and other engines) and in this
/// process. Writes to Redis are fire-and-forget and at most ten a second per instrument; reads try Redis first and
/// count hits and misses (a miss falls back to this process's copy).
/// </summary>
public sealed class LatestMarketCache([FromKeyedServices("marketdata-bus")] IConnectionMultiplexer redis)
{
    private static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Expiry = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, LatestQuote> _quotes = new();
    private readonly ConcurrentDictionary<string, LatestBook> _books = new();
    private readonly ConcurrentDictionary<string, long> _lastWrite = new();
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    public static string QuoteKey(string symbol) => $"nautilus:latest:quote:{symbol}";
    public static string BookKey(string symbol) => $"nautilus:latest:book:{symbol}";

    public void SetQuote(LatestQuote quote)
    {
        _quotes[quote.Symbol] = quote;
        if (Due("q:" + quote.Symbol))
        {
            Write(QuoteKey(quote.Symbol), quote);
        }
    }

    public void SetBook(LatestBook book)
    {
        _books[book.Symbol] = book;
        if (Due("b:" + book.Symbol))
        {
            Write(BookKey(book.Symbol), book);
        }
    }

    public Task<LatestQuote?> GetQuoteAsync(string symbol) => ReadAsync(QuoteKey(symbol), symbol, _quotes);

    public Task<LatestBook?> GetBookAsync(string symbol) => ReadAsync(BookKey(symbol), symbol, _books);

    private async Task<T?> ReadAsync<T>(string key, string symbol, ConcurrentDictionary<string, T> local) where T : class
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key);
            if (value.HasValue)
            {
                Interlocked.Increment(ref _hits);
                return JsonSerializer.Deserialize<T>((string)value!, JsonSerializerOptions.Web);
            }
        }
        catch (RedisException)
        {
            // The bus is away; this process's copy still answers.
        }

        Interlocked.Increment(ref _misses);
        return local.GetValueOrDefault(symbol);
    }

    private bool Due(string key)
    {
        var now = Environment.TickCount64;
        var last = _lastWrite.GetOrAdd(key, 0);
        if (now - last < WriteEvery.TotalMilliseconds)
        {
            return false;
        }

        _lastWrite[key] = now;
        return true;
    }

    private void Write<T>(string key, T value)
    {
        try
        {
            redis.GetDatabase().StringSet(key, JsonSerializer.Serialize(value, JsonSerializerOptions.Web), Expiry, flags: CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // A cache write lost while the bus is away is replaced by the next one.
        }
    }
}
