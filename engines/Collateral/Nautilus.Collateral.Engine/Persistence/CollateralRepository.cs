using Nautilus.Collateral.Contracts;
using Nautilus.Contracts;
using Nautilus.Storage.Migrations;
using Npgsql;

namespace Nautilus.Collateral.Engine.Persistence;

/// <summary>The <c>collateral</c> schema: the inventory and the margin calls.</summary>
public sealed class CollateralRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "collateral";

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(CollateralRepository).Assembly, Schema));

    public async Task RecordCallAsync(MarginCall call, int leadMinutes, double utilisation, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO collateral.margin_calls " +
            "(account, at, due_by, lead_minutes, utilisation, required, available, shortfall, currency) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        command.Parameters.Add(new() { Value = call.AccountId.Value });
        command.Parameters.Add(new() { Value = call.TsEvent.ToDateTimeOffset() });
        command.Parameters.Add(new() { Value = call.DueBy.ToDateTimeOffset() });
        command.Parameters.Add(new() { Value = leadMinutes });
        command.Parameters.Add(new() { Value = double.IsFinite(utilisation) ? utilisation : double.MaxValue });
        command.Parameters.Add(new() { Value = call.Required.Amount });
        command.Parameters.Add(new() { Value = call.Available.Amount });
        command.Parameters.Add(new() { Value = call.Shortfall.Amount });
        command.Parameters.Add(new() { Value = call.Required.Currency.ToString() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<MarginCallView>> CallsAsync(string? account, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, account, at, due_by, lead_minutes, utilisation, required, available, shortfall, currency " +
            "FROM collateral.margin_calls " +
            "WHERE $1::text IS NULL OR account = $1 ORDER BY at DESC, id DESC LIMIT $2");
        command.Parameters.Add(new() { Value = (object?)account ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var calls = new List<MarginCallView>();
        while (await reader.ReadAsync(ct))
        {
            calls.Add(new MarginCallView(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4), reader.GetDouble(5), reader.GetDecimal(6),
                reader.GetDecimal(7), reader.GetDecimal(8), reader.GetString(9)));
        }

        return calls;
    }

    public async Task<IReadOnlyList<InventoryAsset>> InventoryAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, type, market_value, haircut, cost, at FROM collateral.inventory ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var assets = new List<InventoryAsset>();
        while (await reader.ReadAsync(ct))
        {
            assets.Add(new InventoryAsset(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return assets;
    }

    /// <summary>Stores an asset (or, given null, removes it).</summary>
    public async Task SaveAssetAsync(string id, InventoryAsset? asset, CancellationToken ct)
    {
        await using var command = asset is null
            ? dataSource.CreateCommand("DELETE FROM collateral.inventory WHERE id = $1")
            : dataSource.CreateCommand("INSERT INTO collateral.inventory (id, type, market_value, haircut, cost, at) " +
                "VALUES ($1, $2, $3, $4, $5, $6) " +
                "ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, market_value = EXCLUDED.market_value, haircut = EXCLUDED.haircut, " +
                "cost = EXCLUDED.cost, at = EXCLUDED.at");
        command.Parameters.Add(new() { Value = id });
        if (asset is not null)
        {
            command.Parameters.Add(new() { Value = asset.Type });
            command.Parameters.Add(new() { Value = asset.MarketValue });
            command.Parameters.Add(new() { Value = asset.Haircut });
            command.Parameters.Add(new() { Value = asset.Cost });
            command.Parameters.Add(new() { Value = asset.At });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
