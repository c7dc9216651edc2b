using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.MarketData.Engine.Pipeline;

/// <summary>The storage writers of the market-data tables, one per table, listed in /health.</summary>
public sealed class MarketDataWriters(IServiceProvider services) : IAsyncDisposable
{
    public TimeSeriesWriter<TradeRecord> Trades { get; } = services.CreateWriter(MarketDataTables.Trades);
    public TimeSeriesWriter<QuoteRecord> Quotes { get; } = services.CreateWriter(MarketDataTables.Quotes);
    public TimeSeriesWriter<BarRecord> Bars { get; } = services.CreateWriter(MarketDataTables.Bars);
    public TimeSeriesWriter<BookSnapshotRecord> Books { get; } = services.CreateWriter(MarketDataTables.BookSnapshots);

    public async ValueTask DisposeAsync()
    {
        await Trades.DisposeAsync();
        await Quotes.DisposeAsync();
        await Bars.DisposeAsync();
        await Books.DisposeAsync();
    }
}
