using System.Text.Json;
using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.Backtesting.Engine.Persistence;

/// <summary>A run as stored: what was asked for (without inline bars) and how it went.</summary>
public sealed record RunRow(string Id, string Name, string Strategy, IReadOnlyDictionary<string, double> Parameters, string Data,
    DateTimeOffset CreatedAt);

/// <summary>The <c>backtesting</c> schema: runs and their results, sweeps and their points.</summary>
public sealed class BacktestRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "backtesting";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(BacktestRepository).Assembly, Schema));

    public async Task CreateRunAsync(RunRow run, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO backtesting.runs (id, name, strategy, parameters, data, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        command.Parameters.Add(new() { Value = run.Id });
        command.Parameters.Add(new() { Value = run.Name });
        command.Parameters.Add(new() { Value = run.Strategy });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(run.Parameters, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = run.Data });
        command.Parameters.Add(new() { Value = RunStatus.Queued });
        command.Parameters.Add(new() { Value = run.CreatedAt });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task SetStatusAsync(string id, string status, string? error, DateTimeOffset? completedAt, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE backtesting.runs SET status = $2, error = $3, completed_at = $4 WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value });
        command.Parameters.Add(new() { Value = (object?)completedAt ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task SetProgressAsync(string id, long processed, long total, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE backtesting.runs SET processed = $2, total = $3 WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = processed });
        command.Parameters.Add(new() { Value = total });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stores a completed run's results and marks it completed, in one transaction.</summary>
    public async Task CompleteRunAsync(string id, BacktestResults results, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO backtesting.results (id, initial_cash, final_equity, final_cash, bars, equity_ts, equity, trades, orders, " +
                "fills, " +
            "statistics, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", connection, transaction))
        {
            insert.Parameters.Add(new() { Value = id });
            insert.Parameters.Add(new() { Value = results.InitialCash });
            insert.Parameters.Add(new() { Value = results.FinalEquity });
            insert.Parameters.Add(new() { Value = results.FinalCash });
            insert.Parameters.Add(new() { Value = results.Bars });
            insert.Parameters.Add(new() { Value = results.Equity.Select(e => e.Ts.ToUnixTimeMilliseconds()).ToArray() });
            insert.Parameters.Add(new() { Value = results.Equity.Select(e => e.Equity).ToArray() });
            insert.Parameters.Add(Jsonb(results.Trades));
            insert.Parameters.Add(Jsonb(results.Orders));
            insert.Parameters.Add(Jsonb(results.Fills));
            insert.Parameters.Add(results.Statistics is null ? new NpgsqlParameter
            {
                Value = DBNull.Value,
                NpgsqlDbType = NpgsqlDbType.Jsonb
            }
                : Jsonb(results.Statistics));
            insert.Parameters.Add(new() { Value = (object?)results.StatisticsNote ?? DBNull.Value });
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE backtesting.runs SET status = 'completed', completed_at = $2, summary = $3, processed = $4, total = $4 WHERE id = $1",
            connection, transaction))
        {
            update.Parameters.Add(new() { Value = id });
            update.Parameters.Add(new() { Value = at });
            update.Parameters.Add(Jsonb(results.Summary));
            update.Parameters.Add(new() { Value = results.Bars });
            await update.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<BacktestStatus>> ListRunsAsync(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(RunColumns + " ORDER BY created_at DESC, id LIMIT $1");
        command.Parameters.Add(new() { Value = limit });
        return await ReadRunsAsync(command, ct);
    }

    public async Task<BacktestStatus?> GetRunAsync(string id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(RunColumns + " WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadRunsAsync(command, ct)).FirstOrDefault();
    }

    public async Task<BacktestResults?> GetResultsAsync(BacktestStatus run, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT initial_cash, final_equity, final_cash, bars, equity_ts, equity, trades, orders, fills, statistics, note " +
            "FROM backtesting.results WHERE id = $1");
        command.Parameters.Add(new() { Value = run.Id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var times = reader.GetFieldValue<long[]>(4);
        var values = reader.GetFieldValue<double[]>(5);
        return new BacktestResults(run.Id, run.Strategy, run.Parameters, reader.GetDouble(0), reader.GetDouble(1), reader.GetDecimal(2),
            reader.GetInt64(3), Read<TradeView[]>(reader, 6),
                Runs.ResultViews.EquityOf(times.Select(DateTimeOffset.FromUnixTimeMilliseconds), values),
            Read<OrderView[]>(reader, 7), Read<FillView[]>(reader, 8), run.Summary!,
            reader.IsDBNull(9) ? null : Read<Analytics.Domain.Performance.PerformanceReport>(reader, 9),
            reader.IsDBNull(10) ? null : reader.GetString(10));
    }

    public async Task<bool> DeleteRunAsync(string id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM backtesting.runs WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Runs a process stopped before <paramref name="at"/> left unfinished: failed, with the reason (their inputs are
    /// not kept). Sweeps need nothing: their work items wait on the bus.</summary>
    public async Task FailUnfinishedAsync(string reason, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE backtesting.runs SET status = 'failed', error = $1, completed_at = $2 WHERE status IN ('queued', 'running') " +
            "AND created_at < $2");
        command.Parameters.Add(new() { Value = reason });
        command.Parameters.Add(new() { Value = at });
        await command.ExecuteNonQueryAsync(ct);
    }

    // Sweeps

    /// <summary>Stores a sweep (its request without inline bars; the bars, of every source, as one MemoryPack blob).</summary>
    public async Task CreateSweepAsync(string id, string strategy, SweepRequest request, IReadOnlyList<Dictionary<string,
        double>> combinations,
        string instruments, byte[] bars, int workItems, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO backtesting.sweeps (id, strategy, request, combinations, instruments, bars, status, total, work_items, rank_by, " +
            "created_at) VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8, $9, $10)");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = strategy });
        command.Parameters.Add(Jsonb(request));
        command.Parameters.Add(Jsonb(combinations));
        command.Parameters.Add(new() { Value = instruments, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = bars });
        command.Parameters.Add(new() { Value = combinations.Count });
        command.Parameters.Add(new() { Value = workItems });
        command.Parameters.Add(new() { Value = request.RankBy });
        command.Parameters.Add(new() { Value = at });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What a work item needs: the sweep's request, its combinations and its bars; null once it is gone or cancelled.</summary>
    public async Task<(SweepRequest Request, Dictionary<string, double>[] Combinations, string Instruments,
        byte[] Bars)?> GetSweepInputAsync(
        string id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT request, combinations, instruments, bars FROM backtesting.sweeps WHERE id = $1 AND status = 'running'");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return (Read<SweepRequest>(reader, 0), Read<Dictionary<string, double>[]>(reader, 1), reader.GetString(2),
            reader.GetFieldValue<byte[]>(3));
    }

    /// <summary>Stores the points of one work item (again, harmlessly, when a redelivered item runs twice); returns how many
    /// points the sweep now has.</summary>
    public async Task<int> SavePointsAsync(string sweep, IReadOnlyList<SweepPoint> points, string rankBy, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var batch = new NpgsqlBatch(connection);
        foreach (var point in points)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO backtesting.sweep_points (sweep_id, idx, parameters, summary, score, skipped) VALUES ($1, $2, $3, $4, $5, " +
                    "$6) " +
                "ON CONFLICT (sweep_id, idx) DO NOTHING");
            command.Parameters.Add(new() { Value = sweep });
            command.Parameters.Add(new() { Value = point.Index });
            command.Parameters.Add(Jsonb(point.Parameters));
            command.Parameters.Add(point.Summary is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb }
                : Jsonb(point.Summary));
            var score = point.Summary is null ? (double?)null : Domain.Optimisation.Ranking.Score(point.Summary, rankBy);
            command.Parameters.Add(new()
            {
                Value = score is { } s && double.IsFinite(s) ? s : DBNull.Value,
                NpgsqlDbType = NpgsqlDbType.Double
            });
            command.Parameters.Add(new() { Value = (object?)point.Skipped ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }

        var count = new NpgsqlBatchCommand("SELECT count(*)::int FROM backtesting.sweep_points WHERE sweep_id = $1");
        count.Parameters.Add(new() { Value = sweep });
        batch.BatchCommands.Add(count);
        return (int)(await batch.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Ends a running sweep; true for the one caller that ended it (so one replica announces it).</summary>
    public async Task<bool> EndSweepAsync(string id, string status, string? error, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE backtesting.sweeps SET status = $2, error = $3, completed_at = $4 WHERE id = $1 AND status = 'running'");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value });
        command.Parameters.Add(new() { Value = at });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>A sweep with its progress and its <paramref name="top"/> best points (all with <paramref name="top"/> 0).</summary>
    public async Task<SweepStatus?> GetSweepAsync(string id, int top, CancellationToken ct)
    {
        var sweeps = await ReadSweepsAsync("WHERE s.id = $1", id, ct);
        if (sweeps.Count == 0)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT idx, parameters, summary, skipped FROM backtesting.sweep_points WHERE sweep_id = $1 " +
            "ORDER BY score DESC NULLS LAST, idx" + (top > 0 ? " LIMIT $2" : ""));
        command.Parameters.Add(new() { Value = id });
        if (top > 0)
        {
            command.Parameters.Add(new() { Value = top });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var points = new List<SweepPoint>();
        while (await reader.ReadAsync(ct))
        {
            points.Add(new SweepPoint(reader.GetInt32(0), Read<Dictionary<string, double>>(reader, 1),
                reader.IsDBNull(2) ? null : Read<BacktestSummary>(reader, 2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return sweeps[0] with { Best = points };
    }

    public async Task<IReadOnlyList<SweepStatus>> ListSweepsAsync(CancellationToken ct) => await ReadSweepsAsync("", null, ct);

    public async Task<bool> DeleteSweepAsync(string id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM backtesting.sweeps WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    private async Task<List<SweepStatus>> ReadSweepsAsync(string where, string? id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT s.id, s.strategy, s.status, s.total, (SELECT count(*)::int FROM backtesting.sweep_points p WHERE p.sweep_id = s.id), " +
            $"s.work_items, s.rank_by, s.created_at, s.completed_at, s.error FROM backtesting.sweeps s {where} ORDER BY s.created_at " +
                $"DESC LIMIT 200");
        if (id is not null)
        {
            command.Parameters.Add(new() { Value = id });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var sweeps = new List<SweepStatus>();
        while (await reader.ReadAsync(ct))
        {
            sweeps.Add(new SweepStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetString(9), []));
        }

        return sweeps;
    }

    private const string RunColumns =
        "SELECT id, name, strategy, parameters, data, status, processed, total, created_at, completed_at, error, summary FROM " +
            "backtesting.runs";

    private static async Task<IReadOnlyList<BacktestStatus>> ReadRunsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var runs = new List<BacktestStatus>();
        while (await reader.ReadAsync(ct))
        {
            runs.Add(new BacktestStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2), Read<Dictionary<string,
                double>>(reader, 3),
                reader.GetString(4), reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : Read<BacktestSummary>(reader, 11)));
        }

        return runs;
    }

    private static NpgsqlParameter Jsonb<T>(T value) => new()
    {
        Value = JsonSerializer.Serialize(value, Json),
        NpgsqlDbType = NpgsqlDbType.Jsonb
    };

    private static T Read<T>(NpgsqlDataReader reader, int ordinal) => JsonSerializer.Deserialize<T>(reader.GetString(ordinal), Json)!;
}
