// Storage benchmarks: binary-COPY ingest of trades through TimeSeriesWriter, and reading one symbol's
// 1,000,000 one-minute bars back. Starts a throw-away PostgreSQL cluster with the platform's server settings.
//   dotnet run -c Release --project bench/Nautilus.Bench.Storage [-- trades]
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.Contracts;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Model;
using Nautilus.Storage.Migrations;
using Nautilus.Storage.Writing;
using Nautilus.Testing;

var trades = args.Length > 0 ? int.Parse(args[0]) : 2_000_000;
const int bars = 1_000_000;
var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
// The settings postgres-host.sh gives the platform's server.
await using var server = await PostgresServer.StartAsync("shared_buffers=256MB", "max_connections=300", "max_wal_size=4GB");
await using var db = await server.CreateDatabaseAsync();
await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).RunAsync([MarketDataTables.Migrations]);

// Ingest: 20 symbols, a trade every 100 µs per symbol (partitions for the days they span created on the way).
var symbols = Enumerable.Range(0, 20).Select(i => $"SYM{i:D2}").ToArray();
var rows = new TradeRecord[trades];
for (var i = 0; i < trades; i++)
{
    rows[i] = new TradeRecord(symbols[i % symbols.Length], start.AddTicks(i * 50L), i, 100 + (i % 1000) * 0.01, 1 + i % 9,
        (AggressorSide)(1 + i % 2), $"{i}");
}

foreach (var (name, batch) in new[] { ("warm-up", Math.Min(200_000, trades)), ("trades", trades) })
{
    await using var clean = db.CreateCommand("TRUNCATE marketdata.trade_blocks");
    await clean.ExecuteNonQueryAsync();
    await using var writer = new TimeSeriesWriter<TradeRecord>(db, MarketDataTables.Trades, new TimeSeriesWriterOptions(), NullLogger.Instance);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < batch; i++)
    {
        await writer.WriteAsync(rows[i]);
    }

    await writer.FlushAsync();
    clock.Stop();
    await using var count = db.CreateCommand("SELECT count(*) FROM marketdata.trades");
    var stored = (long)(await count.ExecuteScalarAsync())!;
    if (name != "warm-up")
    {
        Console.WriteLine($"ingest: {batch:N0} trades in {clock.Elapsed.TotalSeconds:F2} s = {batch / clock.Elapsed.TotalSeconds:N0} trades/s " +
                          $"(batches {writer.Status.Batches}, stored {stored:N0}, lost {batch - stored:N0})");
    }
}

// Bars: 1,000,000 minutes of one symbol (~1.9 years, 25 partitions), then read them back whole.
await using (var writer = new TimeSeriesWriter<BarRecord>(db, MarketDataTables.Bars, new TimeSeriesWriterOptions(), NullLogger.Instance))
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < bars; i++)
    {
        var open = 100 + Math.Sin(i / 500.0) * 10;
        await writer.WriteAsync(new BarRecord("AAPL", 60, start.AddMinutes(i), open, open + 0.3, open - 0.3, open + 0.05, 1000 + i % 500, 20));
    }

    await writer.FlushAsync();
    Console.WriteLine($"bars upsert: {bars:N0} bars in {clock.Elapsed.TotalSeconds:F2} s = {bars / clock.Elapsed.TotalSeconds:N0} bars/s");
}

await using (var analyze = db.CreateCommand("VACUUM ANALYZE marketdata.bars"))
{
    await analyze.ExecuteNonQueryAsync();
}

var repository = new MarketDataRepository(db);
async Task ReadBarsAsync(string label)
{
    var times = new List<double>();
    for (var run = 0; run < 6; run++)
    {
        var clock = Stopwatch.StartNew();
        var series = await repository.ReadBarsAsync("AAPL", 60, start, start.AddMinutes(bars));
        clock.Stop();
        if (series.Count != bars)
        {
            throw new InvalidOperationException($"read {series.Count} bars, expected {bars}");
        }

        if (run > 0)
        {
            times.Add(clock.Elapsed.TotalSeconds);
        }
    }

    times.Sort();
    Console.WriteLine($"read bars ({label}): {bars:N0} bars of one symbol, median {times[times.Count / 2]:F3} s, best {times[0]:F3} s, " +
                      $"worst {times[^1]:F3} s (5 runs after a warm-up)");
}

// As written (rows: the covering primary key), then after the finished days are compacted into day blocks.
await ReadBarsAsync("rows, before compaction");
var compaction = Stopwatch.StartNew();
var days = await new BarBlocks(db).CompactAsync(start.AddMinutes(bars).Date);
Console.WriteLine($"compaction: {days} days of minute bars into day blocks in {compaction.Elapsed.TotalSeconds:F2} s");
await using (var analyze = db.CreateCommand("VACUUM ANALYZE marketdata.bar_blocks"))
{
    await analyze.ExecuteNonQueryAsync();
}

await ReadBarsAsync("day blocks");
