using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Risk.Engine.State;

namespace Nautilus.Risk.Engine.Handlers;

/// <summary>
/// ORDER_REQUEST: the bus form of the pre-trade check. Every request is answered with one PRE_TRADE_RESULT carrying the
/// order; a limit order is checked at its limit, a stop at its trigger, a market order at the instrument's last price and refused when
/// none has been seen yet.
/// </summary>
public sealed class OrderRequestHandler(LiveRisk risk, IMessagePublisher publisher, TimeProvider clock) : IMessageHandler<OrderRequest>
{
    public async ValueTask HandleAsync(OrderRequest message, MessageContext context, CancellationToken ct)
    {
        var price = message.LimitPrice?.AsDouble() ?? message.TriggerPrice?.AsDouble() ?? risk.LastPrice(message.InstrumentId);
        PreTradeResult result;
        if (price is not { } reference)
        {
            result = new PreTradeResult(message, false, risk.StateOf(message.PortfolioId),
                $"no reference price for {message.InstrumentId}: a market order waits for its first PRICE_UPDATE", UnixNanos.Now(clock));
        }
        else
        {
            var intent = new OrderIntent(message.PortfolioId, message.StrategyId, message.InstrumentId, message.Side,
                message.Quantity.AsDouble(), reference);
            var decision = await risk.CheckAsync(intent, ct);
            result = new PreTradeResult(message, decision.Accepted, decision.TradingState, decision.Reason, UnixNanos.Now(clock));
        }

        await publisher.PublishAsync(result, cancellationToken: ct);
    }
}
