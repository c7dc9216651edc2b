// WebSocket fan-out: the gateway's hub and /ws endpoint (the engine's own code) on Kestrel, N clients on loopback each
// subscribed to one topic that receives R messages a second (trades: never conflated, so every message must arrive).
// With T topics (instruments), client i subscribes to topic i mod T and every topic gets R messages a second, so
// each client still receives R a second. Latency is from the hub's dispatch (the moment a bus message reaches the
// gateway) to the client having the whole frame.
// Usage: dotnet run -c Release --project bench/Nautilus.Bench.Gateway -- [clients=1000] [rate=100] [seconds=20] [topics=1]
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using Nautilus.WebSocket.Contracts;
using Nautilus.WebSocket.Engine.Apis;
using Nautilus.WebSocket.Engine.Extensions;
using Nautilus.WebSocket.Engine.Gateway;

var clients = args.Length > 0 ? int.Parse(args[0]) : 1000;
var rate = args.Length > 1 ? double.Parse(args[1]) : 100;
var seconds = args.Length > 2 ? double.Parse(args[2]) : 20;
var topics = args.Length > 3 ? int.Parse(args[3]) : 1;
var instruments = Enumerable.Range(0, topics).Select(t => topics == 1 ? "BENCH" : $"BENCH{t}").ToArray();
const double WarmUpSeconds = 5;

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
const string apiKey = "bench-gateway-key-0001";
builder.Configuration[$"{GatewayOptions.Section}:{nameof(GatewayOptions.ApiKeys)}"] = apiKey;
builder.Services.AddValidatedOptions<GatewayOptions>(GatewayOptions.Section);
builder.Services.AddSingleton<GatewayHub>();
builder.Services.AddSingleton<GatewayMetrics>();
var app = builder.Build();
app.UseWebSockets();
app.MapGatewayApi();
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("http://", "ws://") + $"{GatewayAccess.Path}?{GatewayAccess.ApiKeyQuery}={apiKey}");
var hub = app.Services.GetRequiredService<GatewayHub>();
var metrics = app.Services.GetRequiredService<GatewayMetrics>();

Console.WriteLine($"gateway fan-out: {clients} clients × {rate} msg/s on {topics} topic(s) for {seconds} s (after {WarmUpSeconds} s warm-up), {Environment.ProcessorCount} cores");

// Connect and subscribe every client; each waits for its acknowledgement.
var sockets = new ClientWebSocket[clients];
var connectClock = Stopwatch.StartNew();
for (var batch = 0; batch < clients; batch += 50)
{
    await Task.WhenAll(Enumerable.Range(batch, Math.Min(50, clients - batch)).Select(async i =>
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, CancellationToken.None);
        var subscribe = Encoding.UTF8.GetBytes($$"""{"op":"subscribe","topics":["MARKET_DATA:{{instruments[i % topics]}}"]}""");
        await socket.SendAsync(subscribe, WebSocketMessageType.Text, true, CancellationToken.None);
        var ack = new byte[4096];
        var received = await socket.ReceiveAsync(ack, CancellationToken.None);
        if (!Encoding.UTF8.GetString(ack, 0, received.Count).Contains("\"subscribed\""))
        {
            throw new InvalidOperationException("no subscription acknowledgement");
        }

        sockets[i] = socket;
    }));
}

Console.WriteLine($"connected and subscribed in {connectClock.Elapsed.TotalSeconds:F1} s");

long windowStartNs = long.MaxValue, windowEndNs = long.MaxValue;
var latencies = new long[(int)(clients * rate * (seconds + 2))];
var recorded = 0;
long receivedInWindow = 0, receivedTotal = 0;
using var stop = new CancellationTokenSource();
var receivers = sockets.Select(socket => Task.Run(async () =>
{
    var buffer = new byte[16 * 1024];
    try
    {
        while (!stop.IsCancellationRequested)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), stop.Token);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            var nowNs = NowNs();
            var publishedNs = PublishedNs(buffer.AsSpan(0, length));
            Interlocked.Increment(ref receivedTotal);
            if (publishedNs >= Volatile.Read(ref windowStartNs) && publishedNs < Volatile.Read(ref windowEndNs))
            {
                Interlocked.Increment(ref receivedInWindow);
                var slot = Interlocked.Increment(ref recorded) - 1;
                if (slot < latencies.Length)
                {
                    latencies[slot] = nowNs - publishedNs;
                }
            }
        }
    }
    catch (OperationCanceledException)
    {
    }
})).ToArray();

// The publisher: one trade-like message per topic every 1/rate s, paced to the wall clock by a thread of its own that
// sleeps 1 ms (latency is measured from the dispatch itself, so pacing jitter does not count). Not a timer: .NET timers
// fire on the coarse system tick (4 ms on our VMs), so a 10 ms period sent 90-99 % of the rate (1,795-1,986 of 2,000
// messages in 20 s runs).
var payloads = instruments.Select(instrument => $$"""{"instrumentId":"{{instrument}}","kind":"Trade","tsEventNs":0,"trade":{"price":187.42,"size":300,"aggressor":"Buyer","tradeId":"{{instrument}}-000000000"},"quote":null,"book":null,"bar":null,"seq":0}""").ToArray();
long publishedInWindow = 0;
var published = new TaskCompletionSource();
var publisher = new Thread(() =>
{
    var clock = Stopwatch.StartNew();
    for (long sent = 0; !stop.IsCancellationRequested; Thread.Sleep(1))
    {
        for (var due = (long)(clock.Elapsed.TotalSeconds * rate); sent < due; sent++)
        {
            var nowNs = NowNs();
            if (nowNs >= Volatile.Read(ref windowStartNs) && nowNs < Volatile.Read(ref windowEndNs))
            {
                publishedInWindow++;
            }

            for (var t = 0; t < topics; t++)
            {
                hub.Dispatch(new GatewayMessage("MARKET_DATA", instruments[t], payloads[t], null, nowNs));
            }
        }
    }

    published.SetResult();
})
{ Name = "publisher" };
publisher.Start();

await Task.Delay(TimeSpan.FromSeconds(WarmUpSeconds));
var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
var (gcStart, pauseStart, allocatedStart) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
Volatile.Write(ref windowEndNs, long.MaxValue);
Volatile.Write(ref windowStartNs, NowNs());
var windowClock = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
Volatile.Write(ref windowEndNs, NowNs());
var window = windowClock.Elapsed.TotalSeconds;
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
var (gcs, paused, allocated) = (GC.CollectionCount(0) - gcStart, GC.GetTotalPauseDuration() - pauseStart, GC.GetTotalAllocatedBytes() - allocatedStart);
await Task.Delay(TimeSpan.FromSeconds(2)); // what was published in the window arrives
stop.Cancel();
await published.Task;

var n = Math.Min(recorded, latencies.Length);
Array.Sort(latencies, 0, n);
double Ms(double q) => n == 0 ? double.NaN : latencies[Math.Min(n - 1, (int)(q * n))] / 1e6;
var expected = publishedInWindow * clients;
Console.WriteLine($"published {publishedInWindow * topics} messages in {window:F1} s; delivered {receivedInWindow:N0} of {expected:N0} frames " +
                  $"({receivedInWindow / window:N0} frames/s), missing {expected - receivedInWindow}, gateway dropped {metrics.DroppedTotal}, conflated {metrics.ConflatedTotal}");
Console.WriteLine($"delivery latency ms: p50 {Ms(0.50):F2}  p90 {Ms(0.90):F2}  p99 {Ms(0.99):F2}  p99.9 {Ms(0.999):F2}  max {(n > 0 ? latencies[n - 1] / 1e6 : double.NaN):F2}");
Console.WriteLine($"CPU {cpu / window:F2} cores of {Environment.ProcessorCount} (gateway and clients in this process); " +
                  $"{gcs} GCs pausing {paused.TotalMilliseconds:F0} ms, {allocated / window / 1e6:F1} MB/s allocated");

foreach (var socket in sockets)
{
    socket.Abort();
}

await Task.WhenAll(receivers);
await app.StopAsync();
return expected - receivedInWindow == 0 && Ms(0.99) <= 50 ? 0 : 1;

static long NowNs() => UnixNanos.From(DateTimeOffset.UtcNow).Value;

// The frame carries "publishedNs":<digits>; read it without parsing the JSON.
static long PublishedNs(ReadOnlySpan<byte> frame)
{
    var at = frame.IndexOf("\"publishedNs\":"u8);
    if (at < 0)
    {
        return 0;
    }

    long value = 0;
    for (var i = at + 14; i < frame.Length && frame[i] is >= (byte)'0' and <= (byte)'9'; i++)
    {
        value = value * 10 + (frame[i] - '0');
    }

    return value;
}
