using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nautilus.Model;
using Nautilus.Platform;
using Parquet;
using Parquet.Schema;

namespace Nautilus.IntegrationTests;

/// <summary>Files replayed through the running MarketData engine: tick files (CSV) into the pipeline, bar files (Parquet) into the store.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReplayTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, path);

    private async Task CreateInstrumentAsync(string symbol)
    {
        using var created = await platform.Http.PostAsJsonAsync(Url("/api/instruments"),
            new { symbol, assetClass = "Equity", venue = "NYSE", currency = "USD", tickSize = 0.01, lotSize = 1, sector = "Industrials" });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create {symbol}: {created.StatusCode}");
    }

    private async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_tick_file_is_uploaded_checked_and_replayed_into_bars_trades_and_the_bus_with_nothing_lost()
    {
        await CreateInstrumentAsync("TRPL");

        // 1,500 ticks over five minutes of 2023-03-01 (a trade and two quotes every 0.6 s), with four rows to refuse.
        var start = new DateTime(2023, 3, 1, 14, 30, 0, DateTimeKind.Utc);
        var csv = new StringBuilder("ts_event,symbol,type,price,size,side,bid,bid_size,ask,ask_size\n");
        var trades = 0;
        for (var i = 0; i < 500; i++)
        {
            var t = start.AddMilliseconds(600 * i);
            var mid = 50 + 2 * Math.Sin(i / 40.0);
            csv.Append(CultureInfo.InvariantCulture, $"{t:O},TRPL,quote,,,,{mid - 0.01:F2},100,{mid + 0.01:F2},100\n");
            csv.Append(CultureInfo.InvariantCulture, $"{t.AddMilliseconds(200):O},TRPL,trade,{mid:F2},{10 + i % 7},{(i % 3 == 0 ? "sell" : "buy")},,,,\n");
            csv.Append(CultureInfo.InvariantCulture, $"{t.AddMilliseconds(400):O},TRPL,quote,,,,{mid - 0.02:F2},200,{mid + 0.02:F2},150\n");
            trades++;
        }

        csv.Append("not-a-time,TRPL,trade,50,1,buy,,,,\n");                         // unreadable time
        csv.Append($"{start.AddMinutes(6):O},TRPL,trade,-5,1,buy,,,,\n");          // refused: price ≤ 0
        csv.Append($"{start.AddMinutes(6):O},TRPL,quote,,,,50.05,10,50.01,10\n");  // refused: crossed
        csv.Append($"{start.AddMinutes(6):O},NOPE,trade,50,1,buy,,,,\n");          // refused: unknown instrument

        using var upload = await platform.Http.PutAsync(Url("/api/replay/files/trpl-2023-03-01.csv"), new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        var report = await JsonAsync(upload, HttpStatusCode.OK);
        Assert.Equal(1504, report.GetProperty("rows").GetInt32());
        Assert.Equal(1500, report.GetProperty("accepted").GetInt32());
        Assert.Equal(4, report.GetProperty("rejected").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToArray();
        Assert.Equal([(1502, "ts_event"), (1503, "price"), (1504, "bid"), (1505, "symbol")], errors);

        var listed = await JsonAsync(await platform.Http.GetAsync(Url("/api/replay/files")), HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), f => f.GetProperty("name").GetString() == "trpl-2023-03-01.csv");

        var missing = await JsonAsync(await platform.Http.PostAsJsonAsync(Url("/api/feeds/tick-replay/start"), new { file = "nope.csv" }), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("file", out _));

        var before = await JsonAsync(await platform.Http.GetAsync(Url("/api/marketdata/stats")), HttpStatusCode.OK);
        using (var replay = await platform.Http.PostAsJsonAsync(Url("/api/feeds/tick-replay/start"), new { file = "trpl-2023-03-01.csv", speed = 0 }))
        {
            await JsonAsync(replay, HttpStatusCode.OK);
        }

        await Eventually.TrueAsync(async () =>
        {
            var feed = await JsonAsync(await platform.Http.GetAsync(Url("/api/feeds/tick-replay")), HttpStatusCode.OK);
            return feed.GetProperty("state").GetString() == "Stopped" && feed.GetProperty("events").GetInt64() == 1503;
        }, TimeSpan.FromSeconds(30), "every readable tick handed to the pipeline and the feed stopped by itself");

        // Count in = count stored: every accepted trade of the file is in PostgreSQL, in order, with its aggressor.
        var range = $"from={start:O}&to={start.AddMinutes(10):O}";
        JsonElement stored = default;
        await Eventually.TrueAsync(async () =>
        {
            stored = await JsonAsync(await platform.Http.GetAsync(Url($"/api/trades/TRPL?{range}&limit=10000")), HttpStatusCode.OK);
            return stored.GetProperty("items").GetArrayLength() == trades;
        }, TimeSpan.FromSeconds(30), $"{trades} trades of TRPL stored");
        var items = stored.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal("Seller", items[0].GetProperty("aggressor").GetString());
        Assert.Equal("Buyer", items[1].GetProperty("aggressor").GetString());
        Assert.Equal(start.AddMilliseconds(200), new UnixNanos(items[0].GetProperty("tsEvent").GetInt64()).ToUtcDateTime());

        // The file's own clock closes its bars: five whole minutes of one-minute bars with every trade's volume.
        JsonElement bars = default;
        await Eventually.TrueAsync(async () =>
        {
            bars = await JsonAsync(await platform.Http.GetAsync(Url($"/api/bars/TRPL?interval=60&{range}")), HttpStatusCode.OK);
            return bars.GetProperty("items").GetArrayLength() >= 4;
        }, TimeSpan.FromSeconds(30), "one-minute bars of the replayed ticks");
        var minute = bars.GetProperty("items")[0];
        Assert.Equal(UnixNanos.From(start), new UnixNanos(minute.GetProperty("tsEvent").GetInt64()));
        Assert.Equal(100, minute.GetProperty("tradeCount").GetInt32());
        var after = await JsonAsync(await platform.Http.GetAsync(Url("/api/marketdata/stats")), HttpStatusCode.OK);
        Assert.True(Rejected(after, "CrossedBook") - Rejected(before, "CrossedBook") >= 1);
        Assert.True(Rejected(after, "UnknownSymbol") - Rejected(before, "UnknownSymbol") >= 1);

        using var deleted = await platform.Http.DeleteAsync(Url("/api/replay/files/trpl-2023-03-01.csv"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private static long Rejected(JsonElement stats, string reason) => stats.GetProperty("rejectedByReason").GetProperty(reason).GetInt64();

    [Fact]
    public async Task Replay_keeps_the_file_pace_times_the_speed()
    {
        await CreateInstrumentAsync("TPACE");
        // Thirty trades over three seconds of file time; at ×10 the replay cannot finish in less than 0.3 s.
        var start = new DateTime(2023, 3, 2, 15, 0, 0, DateTimeKind.Utc);
        var csv = new StringBuilder("timestamp,symbol,price,size\n");
        for (var i = 0; i <= 30; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{start.AddMilliseconds(100 * i):O},TPACE,{20 + i * 0.01:F2},5\n");
        }

        using (var upload = await platform.Http.PutAsync(Url("/api/replay/files/tpace.csv"), new StringContent(csv.ToString())))
        {
            Assert.Equal(31, (await JsonAsync(upload, HttpStatusCode.OK)).GetProperty("accepted").GetInt32());
        }

        var clock = Stopwatch.StartNew();
        await JsonAsync(await platform.Http.PostAsJsonAsync(Url("/api/feeds/tick-replay/start"), new { file = "tpace.csv", speed = 10 }), HttpStatusCode.OK);
        await Eventually.TrueAsync(async () =>
            (await JsonAsync(await platform.Http.GetAsync(Url("/api/feeds/tick-replay")), HttpStatusCode.OK)).GetProperty("state").GetString() == "Stopped",
            TimeSpan.FromSeconds(30), "the paced replay finished");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.3), $"3 s of file at ×10 took {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task A_parquet_bar_file_is_imported_and_its_bad_rows_reported()
    {
        await CreateInstrumentAsync("PQBR");
        var days = Enumerable.Range(0, 20).Select(i => new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i)).ToArray();
        var close = days.Select((_, i) => 40 + i * 0.5).ToArray();
        close[7] = double.NaN; // a bad row
        var fields = new DataField[] { new DataField<string>("symbol"), new DataField<DateTime>("date"), new DataField<double>("open"),
            new DataField<double>("high"), new DataField<double>("low"), new DataField<double>("close"), new DataField<double>("volume") };
        using var file = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], (IReadOnlyCollection<string>)days.Select(_ => "PQBR").ToArray());
            await group.WriteAsync<DateTime>(fields[1], days);
            await group.WriteAsync<double>(fields[2], close.Select(c => double.IsNaN(c) ? 1 : c).ToArray());
            await group.WriteAsync<double>(fields[3], close.Select(c => double.IsNaN(c) ? 2 : c + 1).ToArray());
            await group.WriteAsync<double>(fields[4], close.Select(c => double.IsNaN(c) ? 0.5 : c - 1).ToArray());
            await group.WriteAsync<double>(fields[5], close);
            await group.WriteAsync<double>(fields[6], days.Select((_, i) => 1000.0 + i).ToArray());
        }

        using var content = new ByteArrayContent(file.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.apache.parquet");
        var report = await JsonAsync(await platform.Http.PostAsync(Url("/api/bars/import?interval=86400"), content), HttpStatusCode.OK);
        Assert.Equal("parquet long", report.GetProperty("layout").GetString());
        Assert.Equal(19, report.GetProperty("stored").GetInt32());
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal((9, "close"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));

        var bars = await JsonAsync(await platform.Http.GetAsync(Url("/api/bars/PQBR?interval=86400&from=2021-06-01T00:00:00Z&to=2021-07-01T00:00:00Z")), HttpStatusCode.OK);
        Assert.Equal(19, bars.GetProperty("items").GetArrayLength());
        Assert.Equal(49.5, bars.GetProperty("items")[18].GetProperty("close").GetDouble());
    }
}
