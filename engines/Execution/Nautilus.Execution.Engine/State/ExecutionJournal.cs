using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Engine.Extensions;
using Nautilus.Execution.Engine.Persistence;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.Execution.Engine.State;

/// <summary>
/// Stores the OMS's changes and then publishes them, in the order they happened: ORDER_UPDATE for an order's new state,
/// TRADE_EXECUTION and POSITION_CHANGE for a fill. Whatever has queued up is stored in one round trip before any of it
/// is published, so a fill on the bus is always a stored fill (what positions are rebuilt from). Retries while
/// PostgreSQL is away; nothing is dropped.
/// </summary>
public sealed class ExecutionJournal(
    Channel<ExecutionEvent> events,
    StorageState storage,
    ExecutionRepository repository,
    IMessagePublisher publisher,
    ExecutionMetrics metrics,
    ILogger<ExecutionJournal> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Migrated.WaitAsync(stoppingToken);
        var batch = new List<ExecutionEvent>();
        while (await events.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 1_000 && events.Reader.TryRead(out var e))
            {
                batch.Add(e);
            }

            await StorageFailure.RetryWhileAwayAsync(ct => repository.StoreAsync(batch, ct),
                ex => logger.LogWarning("Execution changes not stored yet: {Error}", ex.Message), stoppingToken);
            foreach (var e in batch)
            {
                await PublishAsync(e, stoppingToken);
            }

            batch.Clear();
        }
    }

    private async Task PublishAsync(ExecutionEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case OrderChanged { Order: var o }:
                metrics.Order(o.Status);
                await publisher.PublishAsync(new OrderUpdate(new ClientOrderId(o.ClientOrderId),
                    o.VenueOrderId is { } v ? new VenueOrderId(v) : null,
                    InstrumentId.Parse(o.InstrumentId), Enum.Parse<OrderStatus>(o.Status), Quantity.FromDecimalAtLeast(o.Filled, 0),
                    o.AveragePrice is { } a ? PriceOf(a) : null, o.Reason, UnixNanos.From(o.UpdatedAt)), cancellationToken: ct);
                break;
            case FillMade { Fill: var f, Position: var p }:
                metrics.Filled(f.Quantity.AsDouble() * (double)f.Price);
                await publisher.PublishAsync(new TradeExecution(f.OrderId, f.InstrumentId, f.Side, f.Quantity, PriceOf(f.Price),
                    new Money(f.Fee, f.Currency), f.TradeId, f.TsEvent, f.AccountId), cancellationToken: ct);
                await publisher.PublishAsync(PositionChangeOf(f, p), cancellationToken: ct);
                break;
        }
    }

    private static PositionChange PositionChangeOf(Execution.Domain.Fill fill, ExecutionPosition p) =>
        new(new AccountId(p.AccountId), fill.InstrumentId, Enum.Parse<PositionSide>(p.Side),
            Quantity.FromDecimalAtLeast(Math.Abs(p.Quantity), 0), PriceOf(p.AveragePrice),
            new Money(p.RealizedPnl, fill.Currency), fill.TsEvent);

    /// <summary>Averages and slipped prices can have more places than a price carries: nine are kept.</summary>
    private static Price PriceOf(decimal value)
    {
        return Price.FromDecimalAtLeast(Math.Round(value, 9), 0);
    }
}
