using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.Contracts;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Model;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Tests;

/// <summary>Deterministic market-data rows for tests.</summary>
internal static class Rows
{
    public static readonly DateTime Start = new(2026, 11, 24, 23, 0, 0, DateTimeKind.Utc);

    /// <summary>Trades of one symbol, one every <paramref name="spacing"/>, sequence numbers from 1.</summary>
    public static IEnumerable<TradeRecord> Trades(string symbol, int count, TimeSpan spacing, DateTime? start = null)
    {
        var t0 = start ?? Start;
        for (var i = 0; i < count; i++)
        {
            yield return new TradeRecord(symbol, t0 + spacing * i, i + 1, 100 + (i % 100) * 0.01, 1 + i % 7,
                i % 2 == 0 ? AggressorSide.Buyer : AggressorSide.Seller, $"T{i}");
        }
    }

    public static IEnumerable<BarRecord> MinuteBars(string symbol, int count, DateTime? start = null)
    {
        var t0 = start ?? Start;
        for (var i = 0; i < count; i++)
        {
            var open = 100 + Math.Sin(i / 50.0);
            yield return new BarRecord(symbol, 60, t0.AddMinutes(i), open, open + 0.5, open - 0.5, open + 0.1, 1000 + i, 10);
        }
    }

    /// <summary>Writes <paramref name="rows"/> through a real writer of <paramref name="target"/> and waits until they are stored.</summary>
    public static async Task WriteAsync<T>(NpgsqlDataSource db, ICopyTarget<T> target, IEnumerable<T> rows)
    {
        await using var writer = new TimeSeriesWriter<T>(db, target, new TimeSeriesWriterOptions(), NullLogger.Instance);
        foreach (var row in rows)
        {
            await writer.WriteAsync(row);
        }

        await writer.FlushAsync();
    }
}
