using Nautilus.Contracts;
using Nautilus.Execution.Engine.State;
using Nautilus.Messaging;

namespace Nautilus.Execution.Engine.Handlers;

/// <summary>MARKET_DATA: quotes, trades, books and bars move the paper venue.</summary>
public sealed class MarketDataHandler(LiveExecution live, ExecutionStartup startup) : IMessageHandler<MarketDataEvent>
{
    /// <summary>
    /// Bars of every instrument (they set the venue's clock for replayed history before any order arrives; a bar a minute each),
    /// ticks only of instruments the OMS has met: the bus carries every instrument's ticks.
    /// </summary>
    public bool Wants(Envelope envelope) =>
        live.Knows(envelope.Key) || MarketDataEvent.PeekKind(envelope.Payload) is MarketDataKind.Bar or null;

    public async ValueTask HandleAsync(MarketDataEvent message, MessageContext context, CancellationToken ct)
    {
        if (!startup.Done.IsCompleted)
        {
            await startup.Done.WaitAsync(ct);
        }

        live.OnMarketData(message.Data);
    }
}
