using System.Text.Json;
using Nautilus.Model;
using Nautilus.Storage.Migrations;
using Nautilus.Vpin.Contracts;
using Nautilus.Vpin.Domain;
using Nautilus.Vpin.Engine.Apis;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.Vpin.Engine.Persistence;

/// <summary>The <c>vpin</c> schema: every full bucket with its VPIN, the toxicity alerts, instruments' own settings.</summary>
public sealed class VpinRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "vpin";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(VpinRepository).Assembly, Schema));

    /// <summary>
    /// Full buckets and the changes of level they caused, in one round trip and one implicit transaction: a retry after a failure
    /// cannot store half of them twice.
    /// </summary>
    public async Task RecordBucketsAsync(
        IReadOnlyList<(string Symbol, VpinUpdate Update, ToxicityLevel Level, ToxicityChange? Change)> buckets, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var (symbol, u, level, change) in buckets)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO vpin.buckets (symbol, at, bucket, vpin, cdf, buy, sell, price, level) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
            command.Parameters.Add(new() { Value = symbol });
            command.Parameters.Add(new() { Value = new UnixNanos(u.TsNanos).ToDateTimeOffset() });
            command.Parameters.Add(new() { Value = u.Bucket });
            command.Parameters.Add(new() { Value = Nullable(u.Vpin), NpgsqlDbType = NpgsqlDbType.Double });
            command.Parameters.Add(new() { Value = Nullable(u.Cdf), NpgsqlDbType = NpgsqlDbType.Double });
            command.Parameters.Add(new() { Value = u.BuyVolume });
            command.Parameters.Add(new() { Value = u.SellVolume });
            command.Parameters.Add(new() { Value = u.Price });
            command.Parameters.Add(new() { Value = (short)level });
            batch.BatchCommands.Add(command);
            if (change is { } c)
            {
                var alert = new NpgsqlBatchCommand(
                    "INSERT INTO vpin.alerts (symbol, at, from_level, to_level, vpin, cdf, price) VALUES ($1, $2, $3, $4, $5, $6, $7)");
                alert.Parameters.Add(new() { Value = symbol });
                alert.Parameters.Add(new() { Value = new UnixNanos(u.TsNanos).ToDateTimeOffset() });
                alert.Parameters.Add(new() { Value = (short)c.From });
                alert.Parameters.Add(new() { Value = (short)c.To });
                alert.Parameters.Add(new() { Value = u.Vpin });
                alert.Parameters.Add(new() { Value = u.Cdf });
                alert.Parameters.Add(new() { Value = u.Price });
                batch.BatchCommands.Add(alert);
            }
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The last <paramref name="limit"/> buckets of a symbol in [from, to], oldest first.</summary>
    public async Task<IReadOnlyList<VpinPoint>> BucketsAsync(string symbol, DateTimeOffset from, DateTimeOffset to, int limit,
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT at, bucket, vpin, cdf, buy, sell, price, level FROM (SELECT * FROM vpin.buckets " +
            "WHERE symbol = $1 AND at >= $2 AND at <= $3 ORDER BY at DESC, bucket DESC LIMIT $4) b ORDER BY at, bucket");
        command.Parameters.Add(new() { Value = symbol });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var points = new List<VpinPoint>();
        while (await reader.ReadAsync(ct))
        {
            points.Add(new VpinPoint(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), reader.GetDouble(6), ToxicityNames.Of((ToxicityLevel)reader.GetInt16(7))));
        }

        return points;
    }

    /// <summary>The latest alerts, newest first, of one symbol or all.</summary>
    public async Task<IReadOnlyList<ToxicityAlert>> AlertsAsync(string? symbol, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, symbol, at, from_level, to_level, vpin, cdf, price FROM vpin.alerts " +
            "WHERE $1::text IS NULL OR symbol = $1 ORDER BY at DESC, id DESC LIMIT $2");
        command.Parameters.Add(new() { Value = (object?)symbol ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var alerts = new List<ToxicityAlert>();
        while (await reader.ReadAsync(ct))
        {
            alerts.Add(new ToxicityAlert(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                ToxicityNames.Of((ToxicityLevel)reader.GetInt16(3)), ToxicityNames.Of((ToxicityLevel)reader.GetInt16(4)),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)));
        }

        return alerts;
    }

    public async Task<InstrumentVpinSettings?> SettingsAsync(string symbol, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT settings FROM vpin.instrument_settings WHERE symbol = $1");
        command.Parameters.Add(new() { Value = symbol });
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<InstrumentVpinSettings>(json, Json) : null;
    }

    /// <summary>Stores (or, given null, removes) an instrument's settings.</summary>
    public async Task SaveSettingsAsync(string symbol, InstrumentVpinSettings? settings, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = settings is null
            ? dataSource.CreateCommand("DELETE FROM vpin.instrument_settings WHERE symbol = $1")
            : dataSource.CreateCommand("INSERT INTO vpin.instrument_settings (symbol, settings, at) VALUES ($1, $2, $3) " +
                "ON CONFLICT (symbol) DO UPDATE SET settings = EXCLUDED.settings, at = EXCLUDED.at");
        command.Parameters.Add(new() { Value = symbol });
        if (settings is not null)
        {
            command.Parameters.Add(new() { Value = JsonSerializer.Serialize(settings, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new() { Value = at });
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static object Nullable(double value) => double.IsFinite(value) ? value : DBNull.Value;
}
