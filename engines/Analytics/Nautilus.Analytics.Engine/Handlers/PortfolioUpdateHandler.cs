using Nautilus.Analytics.Engine.Persistence;
using Nautilus.Analytics.Engine.Results;
using Nautilus.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Analytics.Engine.Handlers;

/// <summary>PORTFOLIO_UPDATE: the valuation becomes the portfolio's value of its day, and its statistics are due again.</summary>
public sealed class PortfolioUpdateHandler(AnalyticsRepository repository, ResultPublisher results) : IMessageHandler<PortfolioUpdate>
{
    public async ValueTask HandleAsync(PortfolioUpdate message, MessageContext context, CancellationToken ct)
    {
        var nav = (double)message.NetAssetValue.Amount;
        await repository.RecordValueAsync(message.PortfolioId, message.TsEvent.ToDateTimeOffset(), nav, ct);
        results.Changed(message.PortfolioId);
    }
}
