using Nautilus.Storage;
using Npgsql;

namespace Nautilus.MarketData.Engine.Persistence;

/// <summary>
/// Day blocks of intraday bars (<c>marketdata.bar_blocks</c>): one row of column arrays per instrument, interval and
/// UTC day, built from <c>marketdata.bars</c> once the day is over. Bars stay the record; blocks make reading long
/// ranges cheap (a year of minute bars is ~365 rows, not ~525,000). A day written to again is queued and read from
/// the bars until its block is rebuilt.
/// </summary>
public sealed class BarBlocks(NpgsqlDataSource dataSource)
{
    /// <summary>Bars of shorter intervals are compacted; hourly and daily bars are few enough to read as rows.</summary>
    public const int MaxIntervalSeconds = 3600;

    /// <summary>Builds the blocks of every queued day that ended before <paramref name="sealedBefore"/>; returns how many.</summary>
    public async Task<int> CompactAsync(DateTime sealedBefore, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT marketdata.compact_bar_blocks($1)");
        command.CommandTimeout = 0; // the first run after an import compacts years of history
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(sealedBefore, DateTimeKind.Utc) });
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Compacts the days before the current UTC day.</summary>
    public Task<int> CompactSealedDaysAsync(TimeProvider clock, CancellationToken ct = default) =>
        CompactAsync(clock.GetUtcNow().UtcDateTime.Date, ct);
}
