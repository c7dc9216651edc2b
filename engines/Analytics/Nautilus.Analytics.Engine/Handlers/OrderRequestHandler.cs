using Nautilus.Analytics.Engine.Persistence;
using Nautilus.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Analytics.Engine.Handlers;

/// <summary>ORDER_REQUEST: which strategy an order is for, so its fills count toward that strategy's trades.</summary>
public sealed class OrderRequestHandler(AnalyticsRepository repository) : IMessageHandler<OrderRequest>
{
    public async ValueTask HandleAsync(OrderRequest message, MessageContext context, CancellationToken ct) =>
        await repository.RecordOrderAsync(message, ct);
}
