using Nautilus.Analytics.Domain.Performance;
using Nautilus.Analytics.Domain.Trades;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Storage.Migrations;
using Npgsql;

namespace Nautilus.Analytics.Engine.Persistence;

/// <summary>The <c>analytics</c> schema: portfolios' day-end values and the fills, as the buses reported them.</summary>
public sealed class AnalyticsRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "analytics";

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(AnalyticsRepository).Assembly, Schema));

    /// <summary>A valuation becomes its day's value unless a later one (by event time) is already stored.</summary>
    public async Task RecordValueAsync(PortfolioId portfolio, DateTimeOffset at, double nav, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO analytics.portfolio_days (portfolio, day, nav, at) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (portfolio, day) DO UPDATE SET nav = EXCLUDED.nav, at = EXCLUDED.at " +
            "WHERE analytics.portfolio_days.at <= EXCLUDED.at");
        command.Parameters.Add(new() { Value = portfolio.Value });
        command.Parameters.Add(new() { Value = DateOnly.FromDateTime(at.UtcDateTime) });
        command.Parameters.Add(new() { Value = nav });
        command.Parameters.Add(new() { Value = at });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<DailyValue>> ValuesAsync(PortfolioId portfolio, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT day, nav FROM analytics.portfolio_days WHERE portfolio = $1 AND day >= $2 AND day <= $3 ORDER BY day");
        command.Parameters.Add(new() { Value = portfolio.Value });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<DailyValue>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(new DailyValue(reader.GetFieldValue<DateOnly>(0), reader.GetDouble(1)));
        }

        return values;
    }

    /// <summary>Each portfolio with stored values: its first and last day and how many days.</summary>
    public async Task<IReadOnlyList<(string Portfolio, DateOnly First, DateOnly Last, int Days)>> PortfoliosAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT portfolio, min(day), max(day), count(*)::int FROM analytics.portfolio_days GROUP BY portfolio ORDER BY portfolio");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var portfolios = new List<(string, DateOnly, DateOnly, int)>();
        while (await reader.ReadAsync(ct))
        {
            portfolios.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3)));
        }

        return portfolios;
    }

    /// <summary>Stores a fill once (a redelivered one is skipped).</summary>
    public async Task RecordFillAsync(TradeExecution fill, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO analytics.fills (trade_id, client_order_id, instrument, side, quantity, price, fee, currency, at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (trade_id) DO NOTHING");
        command.Parameters.Add(new() { Value = fill.TradeId.Value });
        command.Parameters.Add(new() { Value = fill.ClientOrderId.Value });
        command.Parameters.Add(new() { Value = fill.InstrumentId.ToString() });
        command.Parameters.Add(new() { Value = fill.Side.ToString() });
        command.Parameters.Add(new() { Value = fill.Quantity.AsDouble() });
        command.Parameters.Add(new() { Value = fill.Price.AsDouble() });
        command.Parameters.Add(new() { Value = (double)fill.Fee.Amount });
        command.Parameters.Add(new() { Value = fill.Fee.Currency.ToString() });
        command.Parameters.Add(new() { Value = fill.TsEvent.ToDateTimeOffset() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stores which strategy and portfolio an order is for, once.</summary>
    public async Task RecordOrderAsync(OrderRequest order, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO analytics.orders (client_order_id, strategy, portfolio, instrument, at) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (client_order_id) DO NOTHING");
        command.Parameters.Add(new() { Value = order.ClientOrderId.Value });
        command.Parameters.Add(new() { Value = order.StrategyId.Value });
        command.Parameters.Add(new() { Value = order.PortfolioId.Value });
        command.Parameters.Add(new() { Value = order.InstrumentId.ToString() });
        command.Parameters.Add(new() { Value = order.TsEvent.ToDateTimeOffset() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The fills of a strategy's orders in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<Fill>> StrategyFillsAsync(StrategyId strategy, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT f.instrument, f.side, f.quantity, f.price, f.fee, f.at FROM analytics.fills f " +
            "JOIN analytics.orders o ON o.client_order_id = f.client_order_id " +
            "WHERE o.strategy = $1 AND f.at >= $2 AND f.at < $3 ORDER BY f.at, f.trade_id");
        command.Parameters.Add(new() { Value = strategy.Value });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var fills = new List<Fill>();
        while (await reader.ReadAsync(ct))
        {
            fills.Add(new Fill(InstrumentId.Parse(reader.GetString(0)), Enum.Parse<OrderSide>(reader.GetString(1)), reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return fills;
    }

    /// <summary>Each strategy with fills, and how many.</summary>
    public async Task<IReadOnlyList<(string Strategy, int Fills)>> StrategiesAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT o.strategy, count(*)::int FROM analytics.fills f JOIN analytics.orders o ON o.client_order_id = f.client_order_id " +
            "GROUP BY o.strategy ORDER BY o.strategy");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var strategies = new List<(string, int)>();
        while (await reader.ReadAsync(ct))
        {
            strategies.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return strategies;
    }
}
