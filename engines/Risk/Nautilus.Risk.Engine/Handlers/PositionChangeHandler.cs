using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Risk.Engine.State;

namespace Nautilus.Risk.Engine.Handlers;

/// <summary>POSITION_CHANGE: the account's position in the live exposure.</summary>
public sealed class PositionChangeHandler(LiveRisk risk) : IMessageHandler<PositionChange>
{
    public ValueTask HandleAsync(PositionChange message, MessageContext context, CancellationToken ct)
    {
        risk.OnPosition(message);
        return ValueTask.CompletedTask;
    }
}
