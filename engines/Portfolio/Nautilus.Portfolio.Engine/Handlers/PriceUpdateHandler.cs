using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Portfolio.Engine.State;

namespace Nautilus.Portfolio.Engine.Handlers;

/// <summary>PRICE_UPDATE: the instrument's last price; the portfolios holding it are revalued when due.</summary>
public sealed class PriceUpdateHandler(LivePortfolios live, PortfolioStartup startup, Channel<Valuation> valuations)
    : IMessageHandler<PriceUpdate>
{
    public async ValueTask HandleAsync(PriceUpdate message, MessageContext context, CancellationToken ct)
    {
        if (!startup.Done.IsCompleted)
        {
            await startup.Done.WaitAsync(ct);
        }

        foreach (var valued in live.OnPrice(message.InstrumentId.Symbol, message.Last.AsDouble(), message.TsEvent))
        {
            await valuations.Writer.WriteAsync(valued, ct);
        }
    }
}
