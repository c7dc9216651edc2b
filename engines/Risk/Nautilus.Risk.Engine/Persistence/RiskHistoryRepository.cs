using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Backtesting;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.Risk.Engine.Persistence;

/// <summary>The <c>risk</c> schema's history: portfolio VaR as computed, day-end net asset values, published alerts.</summary>
public sealed class RiskHistoryRepository(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordVarAsync(PortfolioVar var, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO risk.var_estimates (portfolio, at, method, confidence, horizon_days, var, es, value, scenarios, detail) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
        command.Parameters.Add(new() { Value = var.Portfolio.Value });
        command.Parameters.Add(new() { Value = var.At });
        command.Parameters.Add(new() { Value = var.Method });
        command.Parameters.Add(new() { Value = var.Confidence });
        command.Parameters.Add(new() { Value = var.HorizonDays });
        command.Parameters.Add(new() { Value = var.Var });
        command.Parameters.Add(new() { Value = var.Es });
        command.Parameters.Add(new() { Value = var.Value });
        command.Parameters.Add(new() { Value = var.Scenarios });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(var, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<PortfolioVar?> LatestVarAsync(PortfolioId portfolio, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT detail::text FROM risk.var_estimates WHERE portfolio = $1 ORDER BY at DESC, id DESC LIMIT 1");
        command.Parameters.Add(new() { Value = portfolio.Value });
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<PortfolioVar>(json, Json) : null;
    }

    /// <summary>One-day estimates at <paramref name="confidence"/> in [from, to).</summary>
    public async Task<IReadOnlyList<VarEstimate>> VarEstimatesAsync(PortfolioId portfolio, double confidence, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT at, var, es FROM risk.var_estimates WHERE portfolio = $1 AND confidence = $2 AND horizon_days = 1 " +
            "AND at >= $3 AND at < $4 ORDER BY at");
        command.Parameters.Add(new() { Value = portfolio.Value });
        command.Parameters.Add(new() { Value = confidence });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var estimates = new List<VarEstimate>();
        while (await reader.ReadAsync(ct))
        {
            estimates.Add(new VarEstimate(reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1), reader.GetDouble(2)));
        }

        return estimates;
    }

    /// <summary>A valuation: the first of its UTC day opens it, the latest (by event time) closes it.</summary>
    public async Task RecordNavAsync(PortfolioId portfolio, DateTimeOffset at, double nav, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO risk.portfolio_days (portfolio, day, open_nav, close_nav, at) VALUES ($1, $2, $3, $3, $4) " +
            "ON CONFLICT (portfolio, day) DO UPDATE SET close_nav = EXCLUDED.close_nav, at = EXCLUDED.at " +
            "WHERE risk.portfolio_days.at <= EXCLUDED.at");
        command.Parameters.Add(new() { Value = portfolio.Value });
        command.Parameters.Add(new() { Value = DateOnly.FromDateTime(at.UtcDateTime) });
        command.Parameters.Add(new() { Value = nav });
        command.Parameters.Add(new() { Value = at });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<NavClose>> NavClosesAsync(PortfolioId portfolio, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT day, close_nav FROM risk.portfolio_days WHERE portfolio = $1 AND day >= $2 AND day <= $3 ORDER BY day");
        command.Parameters.Add(new() { Value = portfolio.Value });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var closes = new List<NavClose>();
        while (await reader.ReadAsync(ct))
        {
            closes.Add(new NavClose(reader.GetFieldValue<DateOnly>(0), reader.GetDouble(1)));
        }

        return closes;
    }

    /// <summary>Stores alerts in one round trip; an alert already stored (a retried batch) is skipped.</summary>
    public async Task RecordAlertsAsync(IReadOnlyList<RiskAlert> alerts, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var alert in alerts)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO risk.alerts (alert_id, at, severity, rule, message, portfolio, instrument, value, limit_value, " +
                    "trading_state) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (alert_id) DO NOTHING");
            command.Parameters.Add(new() { Value = alert.AlertId });
            command.Parameters.Add(new() { Value = alert.TsEvent.ToDateTimeOffset() });
            command.Parameters.Add(new() { Value = alert.Severity.ToString() });
            command.Parameters.Add(new() { Value = alert.Rule });
            command.Parameters.Add(new() { Value = alert.Message });
            command.Parameters.Add(new() { Value = (object?)alert.PortfolioId?.Value ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)alert.InstrumentId?.ToString() ?? DBNull.Value });
            command.Parameters.Add(new() { Value = alert.Value });
            command.Parameters.Add(new() { Value = alert.Limit });
            command.Parameters.Add(new() { Value = alert.TradingState.ToString() });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The latest alerts, newest first.</summary>
    public async Task<IReadOnlyList<AlertView>> AlertsAsync(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT alert_id, at, severity, rule, message, portfolio, instrument, value, limit_value, trading_state FROM risk.alerts " +
            "ORDER BY id DESC LIMIT $1");
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var alerts = new List<AlertView>();
        while (await reader.ReadAsync(ct))
        {
            alerts.Add(new AlertView(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
                Enum.Parse<AlertSeverity>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetDouble(7), reader.GetDouble(8),
                Enum.Parse<TradingState>(reader.GetString(9))));
        }

        return alerts;
    }
}
