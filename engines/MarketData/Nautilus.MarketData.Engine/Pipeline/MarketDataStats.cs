using System.Diagnostics.Metrics;
using Nautilus.MarketData.Domain.Normalisation;

namespace Nautilus.MarketData.Engine.Pipeline;

/// <summary>What the pipeline did, for /api/marketdata/stats and the meter <c>Nautilus.MarketData</c>.</summary>
public sealed class MarketDataStats : IDisposable
{
    public const string MeterName = "Nautilus.MarketData";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _bars;
    private long _trades, _quotes, _books, _barsClosed;

    public MarketDataStats()
    {
        _accepted = _meter.CreateCounter<long>("nautilus.marketdata.ticks.accepted", "{tick}", "Ticks that passed validation");
        _rejected = _meter.CreateCounter<long>("nautilus.marketdata.ticks.rejected", "{tick}", "Ticks refused, by reason");
        _bars = _meter.CreateCounter<long>("nautilus.marketdata.bars", "{bar}", "Bars closed");
    }

    public long Trades => Interlocked.Read(ref _trades);
    public long Quotes => Interlocked.Read(ref _quotes);
    public long Books => Interlocked.Read(ref _books);
    public long BarsClosed => Interlocked.Read(ref _barsClosed);

    public void Accepted(TickKind kind)
    {
        Interlocked.Increment(ref kind == TickKind.Trade ? ref _trades : ref _quotes);
        _accepted.Add(1, new KeyValuePair<string, object?>("kind", kind == TickKind.Trade ? "trade" : "quote"));
    }

    public void Rejected(RejectReason reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Book() => Interlocked.Increment(ref _books);

    public void Bar()
    {
        Interlocked.Increment(ref _barsClosed);
        _bars.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
