using Nautilus.Collateral.Engine.State;
using Nautilus.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Collateral.Engine.Handlers;

/// <summary>PRICE_UPDATE: the instrument's last price and its volatility.</summary>
public sealed class PriceUpdateHandler(LiveAccounts accounts) : IMessageHandler<PriceUpdate>
{
    public ValueTask HandleAsync(PriceUpdate message, MessageContext context, CancellationToken ct)
    {
        accounts.OnPrice(message);
        return ValueTask.CompletedTask;
    }
}
