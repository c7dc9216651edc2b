using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Portfolio.Engine.State;

namespace Nautilus.Portfolio.Engine.Handlers;

/// <summary>POSITION_CHANGE: the Execution engine's position, kept to check the position booked here against.</summary>
public sealed class PositionChangeHandler(LivePortfolios live) : IMessageHandler<PositionChange>
{
    public ValueTask HandleAsync(PositionChange message, MessageContext context, CancellationToken ct)
    {
        var sign = message.Side switch
        {
            PositionSide.Long => 1,
            PositionSide.Short => -1,
            _ => 0,
        };
        live.OnPosition(message.AccountId.Value, message.InstrumentId.Symbol, sign * message.Quantity.AsDouble());
        return ValueTask.CompletedTask;
    }
}
