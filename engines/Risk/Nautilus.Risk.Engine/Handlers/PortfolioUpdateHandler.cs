using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Risk.Engine.State;

namespace Nautilus.Risk.Engine.Handlers;

/// <summary>PORTFOLIO_UPDATE: equity and today's P&amp;L; loss limits checked.</summary>
public sealed class PortfolioUpdateHandler(LiveRisk risk) : IMessageHandler<PortfolioUpdate>
{
    public ValueTask HandleAsync(PortfolioUpdate message, MessageContext context, CancellationToken ct) => risk.OnPortfolioAsync(message,
        ct);
}
