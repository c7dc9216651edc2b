using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Risk.Engine.State;

namespace Nautilus.Risk.Engine.Handlers;

/// <summary>PRICE_UPDATE: held positions marked to the last price.</summary>
public sealed class PriceUpdateHandler(LiveRisk risk) : IMessageHandler<PriceUpdate>
{
    public ValueTask HandleAsync(PriceUpdate message, MessageContext context, CancellationToken ct)
    {
        risk.OnPrice(message);
        return ValueTask.CompletedTask;
    }
}
