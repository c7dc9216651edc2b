using Nautilus.Collateral.Engine.State;
using Nautilus.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Collateral.Engine.Handlers;

/// <summary>PORTFOLIO_UPDATE: the equity of the account of the same id.</summary>
public sealed class PortfolioUpdateHandler(LiveAccounts accounts) : IMessageHandler<PortfolioUpdate>
{
    public ValueTask HandleAsync(PortfolioUpdate message, MessageContext context, CancellationToken ct)
    {
        accounts.OnPortfolio(message);
        return ValueTask.CompletedTask;
    }
}
