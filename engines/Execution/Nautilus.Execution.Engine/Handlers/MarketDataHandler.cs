using Nautilus.Contracts;
using Nautilus.Execution.Engine.State;
using Nautilus.Messaging;

namespace Nautilus.Execution.Engine.Handlers;

/// <summary>MARKET_DATA: quotes, trades, books and bars move the paper venue.</summary>
public sealed class MarketDataHandler(LiveExecution live, ExecutionStartup startup) : IMessageHandler<MarketDataEvent>
{
    public async ValueTask HandleAsync(MarketDataEvent message, MessageContext context, CancellationToken ct)
    {
        if (!startup.Done.IsCompleted)
        {
            await startup.Done.WaitAsync(ct);
        }

        live.OnMarketData(message.Data);
    }
}
