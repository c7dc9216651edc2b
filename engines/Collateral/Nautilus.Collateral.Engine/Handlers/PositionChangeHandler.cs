using Nautilus.Collateral.Engine.State;
using Nautilus.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Collateral.Engine.Handlers;

/// <summary>POSITION_CHANGE: the account's position in the instrument.</summary>
public sealed class PositionChangeHandler(LiveAccounts accounts) : IMessageHandler<PositionChange>
{
    public ValueTask HandleAsync(PositionChange message, MessageContext context, CancellationToken ct)
    {
        accounts.OnPosition(message);
        return ValueTask.CompletedTask;
    }
}
