using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Positions;
using Nautilus.Model;
using Nautilus.Storage.Migrations;
using Npgsql;

namespace Nautilus.Execution.Engine.Persistence;

/// <summary>A change the OMS made, to store and then publish: an order's new state, or a fill with the position it moved.</summary>
public abstract record ExecutionEvent;

public sealed record OrderChanged(ExecutionOrder Order) : ExecutionEvent;

public sealed record FillMade(Fill Fill, ExecutionPosition Position, decimal Realized) : ExecutionEvent;

/// <summary>The <c>execution</c> schema: orders in their latest state, every fill, positions as last published.</summary>
public sealed class ExecutionRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "execution";

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(ExecutionRepository).Assembly, Schema));

    /// <summary>Stores a batch of changes in one round trip, in order (an order's later state overwrites its earlier one).</summary>
    /// <summary>
    /// Stores a batch in one round trip and one transaction: every fill, and of each order and position only its latest
    /// state in the batch (an order submitted, accepted and filled at once is one row written, not three).
    /// </summary>
    public async Task StoreAsync(IReadOnlyList<ExecutionEvent> events, CancellationToken ct)
    {
        var lastOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastPosition = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            switch (events[i])
            {
                case OrderChanged changed:
                    lastOrder[changed.Order.ClientOrderId] = i;
                    break;
                case FillMade made:
                    lastPosition[made.Position.PositionId] = i;
                    break;
            }
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        for (var i = 0; i < events.Count; i++)
        {
            switch (events[i])
            {
                case OrderChanged changed when lastOrder[changed.Order.ClientOrderId] == i:
                    batch.BatchCommands.Add(Upsert(changed.Order));
                    break;
                case FillMade made:
                    batch.BatchCommands.Add(Insert(made.Fill));
                    if (lastPosition[made.Position.PositionId] == i)
                    {
                        batch.BatchCommands.Add(Upsert(made.Position));
                    }

                    break;
                case OrderChanged:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(events), events[i], "unknown event");
            }
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Upsert(ExecutionOrder o)
    {
        var command = new NpgsqlBatchCommand(
            "INSERT INTO execution.orders (client_order_id, venue_order_id, strategy, portfolio, instrument, side, type, quantity, " +
                "limit_price, " +
            "trigger_price, time_in_force, expire_time, list_id, contingency, parent, status, filled, average_price, reason, created_at, " +
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) " +
            "ON CONFLICT (client_order_id) DO UPDATE SET venue_order_id = EXCLUDED.venue_order_id, quantity = EXCLUDED.quantity, " +
            "limit_price = EXCLUDED.limit_price, trigger_price = EXCLUDED.trigger_price, status = EXCLUDED.status, filled = " +
                "EXCLUDED.filled, " +
            "average_price = EXCLUDED.average_price, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at");
        Add(command, o.ClientOrderId, o.VenueOrderId, o.StrategyId, o.PortfolioId, o.InstrumentId, o.Side, o.Type, o.Quantity, o.LimitPrice,
            o.TriggerPrice, o.TimeInForce, o.ExpireTime, o.ListId, o.Contingency, o.Parent, o.Status, o.Filled, o.AveragePrice, o.Reason,
            o.CreatedAt, o.UpdatedAt);
        return command;
    }

    private static NpgsqlBatchCommand Insert(Fill f)
    {
        var command = new NpgsqlBatchCommand(
            "INSERT INTO execution.fills (trade_id, client_order_id, venue_order_id, account, strategy, instrument, side, quantity, " +
                "price, fee, " +
            "currency, maker, position_id, ts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO " +
                "NOTHING");
        Add(command, f.TradeId.Value, f.OrderId.Value, f.VenueOrderId?.Value, f.AccountId.Value, f.StrategyId.Value,
            f.InstrumentId.ToString(), f.Side.ToString(),
            f.Quantity.ToDecimal(), f.Price, f.Fee, f.Currency.Code, f.Maker, f.PositionId, f.TsEvent.Value);
        return command;
    }

    private static NpgsqlBatchCommand Upsert(ExecutionPosition p)
    {
        var command = new NpgsqlBatchCommand(
            "INSERT INTO execution.positions (position_id, account, instrument, quantity, average_price, realized_pnl, commissions, " +
                "opened_at, " +
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (position_id) DO UPDATE SET quantity = " +
                "EXCLUDED.quantity, " +
            "average_price = EXCLUDED.average_price, realized_pnl = EXCLUDED.realized_pnl, commissions = EXCLUDED.commissions, " +
            "opened_at = EXCLUDED.opened_at, updated_at = EXCLUDED.updated_at");
        Add(command, p.PositionId, p.AccountId, p.Symbol, p.Quantity, p.AveragePrice, p.RealizedPnl, p.Commissions, p.OpenedAt,
            p.UpdatedAt);
        return command;
    }

    public async Task<IReadOnlyList<Fill>> FillsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT trade_id, client_order_id, venue_order_id, account, strategy, instrument, side, quantity, price, fee, currency, " +
                "maker, " +
            "position_id, ts FROM execution.fills ORDER BY ts, trade_id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var fills = new List<Fill>();
        while (await reader.ReadAsync(ct))
        {
            var quantity = reader.GetDecimal(7);
            fills.Add(new Fill(new TradeId(reader.GetString(0)), new ClientOrderId(reader.GetString(1)),
                reader.IsDBNull(2) ? null : new VenueOrderId(reader.GetString(2)), new AccountId(reader.GetString(3)),
                new StrategyId(reader.GetString(4)), InstrumentId.Parse(reader.GetString(5)), Enum.Parse<OrderSide>(reader.GetString(6)),
                Quantity.FromDecimalAtLeast(quantity, 0), reader.GetDecimal(8), reader.GetDecimal(9),
                    Currency.Of(reader.GetString(10)),
                reader.GetBoolean(11), new UnixNanos(reader.GetInt64(13)), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return fills;
    }

    /// <summary>Positions as last stored: (position id → quantity, average price).</summary>
    public async Task<IReadOnlyDictionary<string, (string Account, string Instrument, decimal Quantity,
        decimal AveragePrice)>> PositionsAsync(
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT position_id, account, instrument, quantity, average_price FROM " +
            "execution.positions");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var positions = new Dictionary<string, (string, string, decimal, decimal)>();
        while (await reader.ReadAsync(ct))
        {
            positions[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetDecimal(4));
        }

        return positions;
    }

    /// <summary>Orders, newest first; only the working ones with <paramref name="openOnly"/>.</summary>
    public async Task<IReadOnlyList<ExecutionOrder>> OrdersAsync(bool openOnly, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT client_order_id, venue_order_id, strategy, portfolio, instrument, side, type, quantity, limit_price, trigger_price, " +
            "time_in_force, expire_time, list_id, contingency, parent, status, filled, average_price, reason, created_at, updated_at " +
            "FROM execution.orders " +
            (openOnly ? "WHERE status IN ('Initialized', 'Submitted', 'Accepted', 'PartiallyFilled', 'PendingCancel') " : "") +
            "ORDER BY created_at DESC, client_order_id LIMIT $1");
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var orders = new List<ExecutionOrder>();
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            decimal? Number(int i) => reader.IsDBNull(i) ? null : reader.GetDecimal(i);
            var instrument = reader.GetString(4);
            orders.Add(new ExecutionOrder(reader.GetString(0), Text(1), reader.GetString(2), reader.GetString(3),
                InstrumentId.Parse(instrument).Symbol, instrument, reader.GetString(5), reader.GetString(6), reader.GetDecimal(7),
                    Number(8),
                Number(9), reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11), Text(12),
                reader.GetString(13), Text(14), reader.GetString(15), reader.GetDecimal(16), Number(17), Text(18),
                reader.GetFieldValue<DateTimeOffset>(19), reader.GetFieldValue<DateTimeOffset>(20)));
        }

        return orders;
    }

    private static void Add(NpgsqlBatchCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
