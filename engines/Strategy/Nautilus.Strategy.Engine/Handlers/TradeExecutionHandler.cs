using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Handlers;

/// <summary>TRADE_EXECUTION: a fill of a strategy's order moves its cash and position and reaches <c>OnFill</c>.</summary>
public sealed class TradeExecutionHandler(StrategyRuntime runtime) : IMessageHandler<TradeExecution>
{
    public async ValueTask HandleAsync(TradeExecution message, MessageContext context, CancellationToken ct)
    {
        await runtime.Ready.WaitAsync(ct);
        await runtime.ForOrderAsync(message.ClientOrderId, host => host.OnFill(message), ct);
    }
}
