using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Handlers;

/// <summary>MARKET_DATA: bars, quotes and trades to the strategies trading the instrument.</summary>
public sealed class MarketDataHandler(StrategyRuntime runtime) : IMessageHandler<MarketDataEvent>
{
    /// <summary>Only instruments a deployed strategy trades are decoded: the bus carries every instrument's ticks.</summary>
    public bool Wants(Envelope envelope) => runtime.Trades(envelope.Key);

    public async ValueTask HandleAsync(MarketDataEvent message, MessageContext context, CancellationToken ct)
    {
        if (!runtime.Ready.IsCompleted)
        {
            await runtime.Ready.WaitAsync(ct);
        }

        if (message.Data is Model.Bar or Model.QuoteTick or Model.TradeTick)
        {
            await runtime.OnMarketDataAsync(message.Data, ct);
        }
    }
}
