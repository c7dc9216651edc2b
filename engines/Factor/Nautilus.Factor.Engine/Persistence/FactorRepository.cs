using System.Text.Json;
using Nautilus.Factor.Contracts;
using Nautilus.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.Factor.Engine.Persistence;

/// <summary>A day's exposure row as stored.</summary>
public sealed record ExposureRow(DateOnly Date, string Symbol, string Sector, double Weight, double[] Styles, double Residual);

/// <summary>The <c>factor</c> schema: model runs, their daily factor returns and exposures.</summary>
public sealed class FactorRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "factor";

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(FactorRepository).Assembly, Schema));

    /// <summary>Stores a run with all its rows in one transaction (binary COPY for the rows).</summary>
    public async Task InsertRunAsync(FactorRunView run, IReadOnlyList<(DateOnly Date, string Factor, double Value)> returns,
        IReadOnlyList<ExposureRow> exposures, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(
            "INSERT INTO factor.runs (id, created_at, symbols, from_date, to_date, styles, capitalisation_basis, days) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", connection, transaction))
        {
            command.Parameters.Add(new() { Value = run.Id });
            command.Parameters.Add(new() { Value = run.CreatedAt });
            command.Parameters.Add(new() { Value = JsonSerializer.Serialize(run.Symbols), NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new() { Value = run.From });
            command.Parameters.Add(new() { Value = run.To });
            command.Parameters.Add(new() { Value = JsonSerializer.Serialize(run.Styles), NpgsqlDbType = NpgsqlDbType.Jsonb });
            command.Parameters.Add(new() { Value = run.CapitalisationBasis });
            command.Parameters.Add(new() { Value = run.Days });
            await command.ExecuteNonQueryAsync(ct);
        }

        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY factor.factor_returns (run_id, date, factor, value) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (date, factor, value) in returns)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(run.Id, NpgsqlDbType.Text, ct);
                await import.WriteAsync(date, NpgsqlDbType.Date, ct);
                await import.WriteAsync(factor, NpgsqlDbType.Text, ct);
                await import.WriteAsync(value, NpgsqlDbType.Double, ct);
            }

            await import.CompleteAsync(ct);
        }

        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY factor.exposures (run_id, date, symbol, sector, weight, styles, residual) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in exposures)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(run.Id, NpgsqlDbType.Text, ct);
                await import.WriteAsync(row.Date, NpgsqlDbType.Date, ct);
                await import.WriteAsync(row.Symbol, NpgsqlDbType.Text, ct);
                await import.WriteAsync(row.Sector, NpgsqlDbType.Text, ct);
                await import.WriteAsync(row.Weight, NpgsqlDbType.Double, ct);
                await import.WriteAsync(row.Styles, NpgsqlDbType.Array | NpgsqlDbType.Double, ct);
                await import.WriteAsync(row.Residual, NpgsqlDbType.Double, ct);
            }

            await import.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<FactorRunView>> RunsAsync(string? id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT r.id, r.created_at, r.symbols, r.from_date, r.to_date, r.styles, r.capitalisation_basis, r.days, " +
            "(SELECT coalesce(jsonb_agg(DISTINCT f.factor), '[]') FROM factor.factor_returns f WHERE f.run_id = r.id), " +
            "(SELECT min(date) FROM factor.factor_returns f WHERE f.run_id = r.id), " +
            "(SELECT max(date) FROM factor.factor_returns f WHERE f.run_id = r.id) " +
            "FROM factor.runs r WHERE $1::text IS NULL OR r.id = $1 ORDER BY r.created_at DESC LIMIT 100");
        command.Parameters.Add(new() { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var runs = new List<FactorRunView>();
        while (await reader.ReadAsync(ct))
        {
            var styles = JsonSerializer.Deserialize<string[]>(reader.GetString(5))!;
            var factors = JsonSerializer.Deserialize<string[]>(reader.GetString(8))!;
            runs.Add(new FactorRunView(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
                JsonSerializer.Deserialize<string[]>(reader.GetString(2))!, reader.GetFieldValue<DateOnly>(3),
                reader.GetFieldValue<DateOnly>(4), OrderFactors(factors, styles), styles, reader.GetString(6), reader.GetInt32(7),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10)));
        }

        return runs;
    }

    /// <summary>Market first, then sectors by name, then styles in the run's order.</summary>
    public static string[] OrderFactors(IEnumerable<string> factors, IReadOnlyList<string> styles)
    {
        var all = factors.ToHashSet(StringComparer.Ordinal);
        return
        [
            .. all.Contains("market") ? ["market"] : Array.Empty<string>(),
            .. all.Where(f => f.StartsWith("sector:", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            .. styles.Where(all.Contains),
        ];
    }

    public async Task<IReadOnlyList<(DateOnly Date, string Factor, double Value)>> ReturnsAsync(string run, DateOnly? from, DateOnly? to,
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT date, factor, value FROM factor.factor_returns WHERE run_id = $1 AND ($2::date IS NULL OR date >= $2) " +
            "AND ($3::date IS NULL OR date <= $3) ORDER BY date, factor");
        command.Parameters.Add(new() { Value = run });
        command.Parameters.Add(new() { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(DateOnly, string, double)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetDouble(2)));
        }

        return rows;
    }

    /// <summary>
    /// Exposure rows of one day (the latest on or before <paramref name="date"/>, the last day when null), or of every day.
    /// </summary>
    public async Task<IReadOnlyList<ExposureRow>> ExposuresAsync(string run, DateOnly? date, bool allDays, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(allDays
            ? "SELECT date, symbol, sector, weight, styles, residual FROM factor.exposures WHERE run_id = $1 ORDER BY date, symbol"
            : "SELECT date, symbol, sector, weight, styles, residual FROM factor.exposures WHERE run_id = $1 AND date = " +
              "(SELECT max(date) FROM factor.exposures WHERE run_id = $1 AND ($2::date IS NULL OR date <= $2)) ORDER BY symbol");
        command.Parameters.Add(new() { Value = run });
        if (!allDays)
        {
            command.Parameters.Add(new() { Value = (object?)date ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ExposureRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ExposureRow(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3),
                reader.GetFieldValue<double[]>(4), reader.GetDouble(5)));
        }

        return rows;
    }
}
