using Nautilus.Analytics.Engine.Persistence;
using Nautilus.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Analytics.Engine.Handlers;

/// <summary>TRADE_EXECUTION: every fill stored once, for trade statistics.</summary>
public sealed class TradeExecutionHandler(AnalyticsRepository repository) : IMessageHandler<TradeExecution>
{
    public async ValueTask HandleAsync(TradeExecution message, MessageContext context, CancellationToken ct) =>
        await repository.RecordFillAsync(message, ct);
}
