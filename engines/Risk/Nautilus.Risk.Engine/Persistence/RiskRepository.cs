using Nautilus.Model;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Storage.Migrations;
using Npgsql;

namespace Nautilus.Risk.Engine.Persistence;

/// <summary>The <c>risk</c> schema: limits with their history, trading states with theirs.</summary>
public sealed class RiskRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "risk";

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(RiskRepository).Assembly, Schema));

    public async Task<IReadOnlyList<RiskLimit>> LimitsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT scope, key, kind, value FROM risk.limits ORDER BY scope, key, kind");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var limits = new List<RiskLimit>();
        while (await reader.ReadAsync(ct))
        {
            limits.Add(new RiskLimit(Enum.Parse<LimitScope>(reader.GetString(0)), reader.GetString(1),
                Enum.Parse<LimitKind>(reader.GetString(2)),
                reader.GetDouble(3)));
        }

        return limits;
    }

    /// <summary>Sets (or with a null value removes) a limit and records the change, in one transaction.</summary>
    public async Task<LimitChange> ChangeLimitAsync(LimitScope scope, string key, LimitKind kind, double? value, string changedBy,
        string reason,
        DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        double? old;
        await using (var select = new NpgsqlCommand("SELECT value FROM risk.limits WHERE scope = $1 AND key = $2 AND kind = $3 FOR UPDATE",
                         connection, transaction))
        {
            select.Parameters.Add(new() { Value = scope.ToString() });
            select.Parameters.Add(new() { Value = key });
            select.Parameters.Add(new() { Value = kind.ToString() });
            old = await select.ExecuteScalarAsync(ct) is double d ? d : null;
        }

        var sql = value is null
            ? "DELETE FROM risk.limits WHERE scope = $1 AND key = $2 AND kind = $3"
            : "INSERT INTO risk.limits (scope, key, kind, value, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6) " +
              "ON CONFLICT (scope, key, kind) DO UPDATE SET value = EXCLUDED.value, changed_by = EXCLUDED.changed_by, changed_at = " +
                  "EXCLUDED.changed_at";
        await using (var write = new NpgsqlCommand(sql, connection, transaction))
        {
            write.Parameters.Add(new() { Value = scope.ToString() });
            write.Parameters.Add(new() { Value = key });
            write.Parameters.Add(new() { Value = kind.ToString() });
            if (value is not null)
            {
                write.Parameters.Add(new() { Value = value.Value });
                write.Parameters.Add(new() { Value = changedBy });
                write.Parameters.Add(new() { Value = at });
            }

            await write.ExecuteNonQueryAsync(ct);
        }

        await using (var audit = new NpgsqlCommand(
                         "INSERT INTO risk.limit_changes (scope, key, kind, old_value, new_value, changed_by, reason, changed_at) " +
                         "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", connection, transaction))
        {
            audit.Parameters.Add(new() { Value = scope.ToString() });
            audit.Parameters.Add(new() { Value = key });
            audit.Parameters.Add(new() { Value = kind.ToString() });
            audit.Parameters.Add(new() { Value = (object?)old ?? DBNull.Value });
            audit.Parameters.Add(new() { Value = (object?)value ?? DBNull.Value });
            audit.Parameters.Add(new() { Value = changedBy });
            audit.Parameters.Add(new() { Value = reason });
            audit.Parameters.Add(new() { Value = at });
            await audit.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new LimitChange(scope, key, kind, old, value, changedBy, reason, at);
    }

    public async Task<IReadOnlyList<LimitChange>> LimitChangesAsync(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT scope, key, kind, old_value, new_value, changed_by, reason, changed_at FROM risk.limit_changes ORDER BY id DESC " +
                "LIMIT $1");
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var changes = new List<LimitChange>();
        while (await reader.ReadAsync(ct))
        {
            changes.Add(new LimitChange(Enum.Parse<LimitScope>(reader.GetString(0)), reader.GetString(1),
                Enum.Parse<LimitKind>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetString(5),
                reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return changes;
    }

    public async Task RecordStateAsync(TradingStateChange change, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO risk.trading_states (scope_key, state, changed_by, reason, changed_at) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = change.Portfolio });
        command.Parameters.Add(new() { Value = change.State.ToString() });
        command.Parameters.Add(new() { Value = change.ChangedBy });
        command.Parameters.Add(new() { Value = change.Reason });
        command.Parameters.Add(new() { Value = change.ChangedAt });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The latest state of every scope, and the most recent changes (newest first).</summary>
    public async Task<IReadOnlyList<TradingStateChange>> StatesAsync(bool latestOnly, int limit, CancellationToken ct)
    {
        var sql = latestOnly
            ? "SELECT DISTINCT ON (scope_key) scope_key, state, changed_by, reason, changed_at FROM risk.trading_states ORDER BY " +
                "scope_key, id DESC"
            : "SELECT scope_key, state, changed_by, reason, changed_at FROM risk.trading_states ORDER BY id DESC LIMIT $1";
        await using var command = dataSource.CreateCommand(sql);
        if (!latestOnly)
        {
            command.Parameters.Add(new() { Value = limit });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var states = new List<TradingStateChange>();
        while (await reader.ReadAsync(ct))
        {
            states.Add(new TradingStateChange(reader.GetString(0), Enum.Parse<TradingState>(reader.GetString(1)), reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return states;
    }
}
