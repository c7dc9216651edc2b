using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Handlers;

/// <summary>ORDER_UPDATE: a strategy's order changed state (<c>OnOrderUpdate</c>), once the fills it reports have arrived.</summary>
public sealed class OrderUpdateHandler(StrategyRuntime runtime) : IMessageHandler<OrderUpdate>
{
    public async ValueTask HandleAsync(OrderUpdate message, MessageContext context, CancellationToken ct)
    {
        await runtime.Ready.WaitAsync(ct);
        await runtime.ForOrderAsync(message.ClientOrderId, host => host.OnOrderUpdate(message), ct);
    }
}
