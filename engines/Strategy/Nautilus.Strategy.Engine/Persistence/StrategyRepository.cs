using System.Text.Json;
using Nautilus.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.Strategy.Engine.Persistence;

/// <summary>A deployment as stored.</summary>
public sealed record DeploymentRow(
    string Id,
    string Strategy,
    Dictionary<string, double> Parameters,
    string[] Symbols,
    string Portfolio,
    int Interval,
    decimal Capital,
    int WarmUpBars,
    string Status,
    Dictionary<string, double> State,
    decimal Cash,
    Dictionary<string, decimal> Positions,
    long OrderSeq,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A fill of a deployment's order, as the Execution engine reported it.</summary>
public sealed record FillRow(string TradeId, string Deployment, string ClientOrderId, string Instrument, string Side, decimal Quantity,
    decimal Price, decimal Fee, long Ts);

/// <summary>The <c>strategy</c> schema: deployments with the state that survives a restart, and their fills.</summary>
public sealed class StrategyRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "strategy";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(StrategyRepository).Assembly, Schema));

    /// <summary>Stores a new deployment; false when its id is taken.</summary>
    public async Task<bool> CreateAsync(DeploymentRow d, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO strategy.deployments (id, strategy, parameters, symbols, portfolio, bar_interval, capital, warm_up, status, " +
                "state, cash, " +
            "positions, order_seq, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) " +
            "ON CONFLICT (id) DO NOTHING");
        command.Parameters.Add(new() { Value = d.Id });
        command.Parameters.Add(new() { Value = d.Strategy });
        command.Parameters.Add(Jsonb(d.Parameters));
        command.Parameters.Add(new() { Value = d.Symbols });
        command.Parameters.Add(new() { Value = d.Portfolio });
        command.Parameters.Add(new() { Value = d.Interval });
        command.Parameters.Add(new() { Value = d.Capital });
        command.Parameters.Add(new() { Value = d.WarmUpBars });
        command.Parameters.Add(new() { Value = d.Status });
        command.Parameters.Add(Jsonb(d.State));
        command.Parameters.Add(new() { Value = d.Cash });
        command.Parameters.Add(Jsonb(d.Positions));
        command.Parameters.Add(new() { Value = d.OrderSeq });
        command.Parameters.Add(new() { Value = d.CreatedAt });
        command.Parameters.Add(new() { Value = d.UpdatedAt });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Saves what changes as it runs: status, parameters, the strategy's state, cash, positions and order sequence.</summary>
    public async Task SaveAsync(DeploymentRow d, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE strategy.deployments SET status = $2, parameters = $3, state = $4, cash = $5, positions = $6, order_seq = $7, " +
            "updated_at = $8 WHERE id = $1");
        command.Parameters.Add(new() { Value = d.Id });
        command.Parameters.Add(new() { Value = d.Status });
        command.Parameters.Add(Jsonb(d.Parameters));
        command.Parameters.Add(Jsonb(d.State));
        command.Parameters.Add(new() { Value = d.Cash });
        command.Parameters.Add(Jsonb(d.Positions));
        command.Parameters.Add(new() { Value = d.OrderSeq });
        command.Parameters.Add(new() { Value = d.UpdatedAt });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task AddFillAsync(FillRow f, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO strategy.fills (trade_id, deployment, client_order_id, instrument, side, quantity, price, fee, ts) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING");
        foreach (var value in new object[] { f.TradeId, f.Deployment, f.ClientOrderId, f.Instrument, f.Side, f.Quantity, f.Price, f.Fee,
            f.Ts })
        {
            command.Parameters.Add(new() { Value = value });
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<FillRow>> FillsAsync(string deployment, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT trade_id, deployment, client_order_id, instrument, side, quantity, price, fee, ts FROM strategy.fills " +
            "WHERE deployment = $1 ORDER BY ts, trade_id");
        command.Parameters.Add(new() { Value = deployment });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var fills = new List<FillRow>();
        while (await reader.ReadAsync(ct))
        {
            fills.Add(new FillRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7), reader.GetInt64(8)));
        }

        return fills;
    }

    public async Task<IReadOnlyList<DeploymentRow>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, strategy, parameters, symbols, portfolio, bar_interval, capital, warm_up, status, state, cash, positions, " +
                "order_seq, " +
            "created_at, updated_at FROM strategy.deployments ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<DeploymentRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new DeploymentRow(reader.GetString(0), reader.GetString(1), Read<Dictionary<string, double>>(reader, 2),
                reader.GetFieldValue<string[]>(3), reader.GetString(4), reader.GetInt32(5), reader.GetDecimal(6), reader.GetInt32(7),
                reader.GetString(8), Read<Dictionary<string, double>>(reader, 9), reader.GetDecimal(10),
                Read<Dictionary<string, decimal>>(reader, 11), reader.GetInt64(12), reader.GetFieldValue<DateTimeOffset>(13),
                reader.GetFieldValue<DateTimeOffset>(14)));
        }

        return rows;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM strategy.deployments WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    private static NpgsqlParameter Jsonb<T>(T value) => new()
    {
        Value = JsonSerializer.Serialize(value, Json),
        NpgsqlDbType = NpgsqlDbType.Jsonb
    };

    private static T Read<T>(NpgsqlDataReader reader, int ordinal) => JsonSerializer.Deserialize<T>(reader.GetString(ordinal), Json)!;
}
