using Nautilus.MarketData.Domain.Instruments;
using Npgsql;

namespace Nautilus.MarketData.Engine.Instruments;

/// <summary>The instrument master in <c>marketdata.instruments</c>, with an in-memory copy for the hot path.</summary>
public sealed class InstrumentRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "symbol, asset_class, venue, currency, tick_size, lot_size, sector, shares_outstanding";
    private volatile Dictionary<string, Instrument> _cache = new(StringComparer.Ordinal);

    /// <summary>Known now (the hot path asks this for every tick).</summary>
    public bool IsKnown(string symbol) => _cache.ContainsKey(symbol);

    public Instrument? Cached(string symbol) => _cache.GetValueOrDefault(symbol);

    /// <summary>Inserts the default universe where missing, then loads everything into the cache.</summary>
    public async Task SeedAndLoadAsync(IEnumerable<Instrument> defaults, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var instrument in defaults)
        {
            var command = new NpgsqlBatchCommand($"INSERT INTO marketdata.instruments ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING");
            AddParameters(command.Parameters, instrument);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        await ReloadAsync(ct);
    }

    public async Task<IReadOnlyList<Instrument>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM marketdata.instruments ORDER BY symbol");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<Instrument>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<Instrument?> GetAsync(string symbol, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM marketdata.instruments WHERE symbol = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = symbol });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>Creates; false when the symbol exists.</summary>
    public async Task<bool> CreateAsync(Instrument instrument, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO marketdata.instruments ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING");
        AddParameters(command.Parameters, instrument);
        var created = await command.ExecuteNonQueryAsync(ct) == 1;
        await ReloadAsync(ct);
        return created;
    }

    /// <summary>Replaces; false when the symbol does not exist.</summary>
    public async Task<bool> UpdateAsync(Instrument instrument, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE marketdata.instruments SET asset_class = $2, venue = $3, currency = $4, tick_size = $5, lot_size = $6, " +
            "sector = $7, shares_outstanding = $8, updated_at = now() WHERE symbol = $1");
        AddParameters(command.Parameters, instrument);
        var updated = await command.ExecuteNonQueryAsync(ct) == 1;
        await ReloadAsync(ct);
        return updated;
    }

    public async Task<bool> DeleteAsync(string symbol, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM marketdata.instruments WHERE symbol = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = symbol });
        var deleted = await command.ExecuteNonQueryAsync(ct) == 1;
        await ReloadAsync(ct);
        return deleted;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var all = await ListAsync(ct);
        _cache = all.ToDictionary(i => i.Symbol, StringComparer.Ordinal);
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, Instrument i)
    {
        parameters.Add(new NpgsqlParameter { Value = i.Symbol });
        parameters.Add(new NpgsqlParameter { Value = i.AssetClass.ToString() });
        parameters.Add(new NpgsqlParameter { Value = i.Venue });
        parameters.Add(new NpgsqlParameter { Value = i.Currency });
        parameters.Add(new NpgsqlParameter { Value = i.TickSize });
        parameters.Add(new NpgsqlParameter { Value = i.LotSize });
        parameters.Add(new NpgsqlParameter { Value = i.Sector });
        parameters.Add(new NpgsqlParameter { Value = (object?)i.SharesOutstanding ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
    }

    private static Instrument Read(NpgsqlDataReader r) => new(
        r.GetString(0), Enum.Parse<AssetClass>(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetDecimal(5),
        r.GetString(6), r.IsDBNull(7) ? null : r.GetInt64(7));
}
