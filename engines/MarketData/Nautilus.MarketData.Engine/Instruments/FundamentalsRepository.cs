using Nautilus.MarketData.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.MarketData.Engine.Instruments;

/// <summary>Published company figures per share in <c>marketdata.fundamentals</c>, one row per symbol and publication day.</summary>
public sealed class FundamentalsRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Stores the entries in one transaction; a symbol and day already stored is replaced.</summary>
    public async Task<int> UpsertAsync(IReadOnlyList<FundamentalsEntry> entries, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entry in entries)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO marketdata.fundamentals (symbol, as_of, book_value_per_share, sales_per_share, cash_flow_per_share)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (symbol, as_of) DO UPDATE SET book_value_per_share = excluded.book_value_per_share,
                    sales_per_share = excluded.sales_per_share, cash_flow_per_share = excluded.cash_flow_per_share
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = entry.Symbol! });
            command.Parameters.Add(new NpgsqlParameter { Value = entry.AsOf!.Value, NpgsqlDbType = NpgsqlDbType.Date });
            foreach (var figure in new[] { entry.BookValuePerShare, entry.SalesPerShare, entry.CashFlowPerShare })
            {
                command.Parameters.Add(new NpgsqlParameter
                {
                    Value = figure is { } v ? v : DBNull.Value,
                    NpgsqlDbType = NpgsqlDbType.Double,
                });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return entries.Count;
    }

    /// <summary>A symbol's entries published in [from, to], oldest first.</summary>
    public async Task<IReadOnlyList<FundamentalsEntry>> ListAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT as_of, book_value_per_share, sales_per_share, cash_flow_per_share FROM marketdata.fundamentals
            WHERE symbol = $1 AND as_of BETWEEN $2 AND $3 ORDER BY as_of
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = symbol });
        command.Parameters.Add(new NpgsqlParameter { Value = from, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = to, NpgsqlDbType = NpgsqlDbType.Date });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<FundamentalsEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new FundamentalsEntry(symbol, reader.GetFieldValue<DateOnly>(0), Figure(reader, 1), Figure(reader, 2),
                Figure(reader, 3)));
        }

        return entries;
    }

    private static double? Figure(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
