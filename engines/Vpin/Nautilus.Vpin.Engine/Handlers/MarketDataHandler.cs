using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Vpin.Engine.State;

namespace Nautilus.Vpin.Engine.Handlers;

/// <summary>MARKET_DATA: trades, quotes and book snapshots to the live flows; bars and deltas are passed over undecoded.</summary>
public sealed class MarketDataHandler(LiveFlows flows) : IMessageHandler<MarketDataEvent>
{
    public bool Wants(Envelope envelope) =>
        MarketDataEvent.PeekKind(envelope.Payload) is MarketDataKind.Trade or MarketDataKind.Quote or MarketDataKind.Book;

    public ValueTask HandleAsync(MarketDataEvent message, MessageContext context, CancellationToken ct)
    {
        switch (message.Data)
        {
            case TradeTick trade:
                flows.OnTrade(trade);
                break;
            case QuoteTick quote:
                flows.OnQuote(quote);
                break;
            case OrderBookSnapshot book:
                flows.OnBook(book);
                break;
        }

        return ValueTask.CompletedTask;
    }
}
