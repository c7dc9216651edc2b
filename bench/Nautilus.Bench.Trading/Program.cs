using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Platform;
using StackExchange.Redis;

// Usage (bench/platform/order-latency.sh runs it against a platform it starts):
//   Nautilus.Bench.Trading <marketdata-bus> <engine-logic-bus> <MarketData engine URL> [orders/s] [seconds] [symbol]
// Publishes ORDER_REQUESTs as a strategy does, paced open loop (a late answer never delays the next order), for one share at
// market on an instrument the simulator feed is quoting, buys and sells alternating per portfolio. Each order is timed from
// its publication to the arrival here of its POSITION_CHANGE, with the publication times of its PRE_TRADE_RESULT and
// TRADE_EXECUTION on the way.
if (args.Length < 3)
{
    Console.Error.WriteLine(
        "usage: Nautilus.Bench.Trading <marketdata-bus> <engine-logic-bus> <marketdata-url> [orders/s] [seconds] [symbol]");
    return 2;
}

var rate = args.Length > 3 ? int.Parse(args[3]) : 100;
var seconds = args.Length > 4 ? int.Parse(args[4]) : 30;
var symbol = args.Length > 5 ? args[5] : "AAPL";
const int portfolios = 64; // an order per portfolio every 0.64 s at 100/s: each portfolio's orders are answered in turn
const int warmUpSeconds = 5;

using var http = new HttpClient { BaseAddress = new Uri(args[2]) };
var terms = await http.GetFromJsonAsync<JsonElement>($"/api/instruments/{symbol}");
var instrument = new InstrumentId(symbol, terms.GetProperty("venue").GetString()!);
await using var marketData = await ConnectionMultiplexer.ConnectAsync(BusConnectionOptions.Parse(args[0]));
await using var logic = await ConnectionMultiplexer.ConnectAsync(BusConnectionOptions.Parse(args[1]));

var run = $"lat{Guid.NewGuid():N}"[..11];
var total = (warmUpSeconds + seconds) * rate;
var sent = new long[total];
var verdict = new long[total];
var traded = new long[total];
var positioned = new long[total];
var denied = 0;
var unmatched = 0;
var waiting = Enumerable.Range(0, portfolios).Select(_ => new ConcurrentQueue<int>()).ToArray();

int NumberOf(ClientOrderId id) =>
    id.Value.StartsWith(run, StringComparison.Ordinal) && int.TryParse(id.Value.AsSpan(run.Length + 1), out var n) ? n : -1;

long Now() => UnixNanos.Now(TimeProvider.System).Value;

var verdicts = Subscription.For<PreTradeResult>((r, context, _) =>
{
    if (NumberOf(r.Order.ClientOrderId) is var n and >= 0)
    {
        verdict[n] = context.Envelope.Timestamp.Value;
        if (!r.Accepted)
        {
            Interlocked.Increment(ref denied);
            Console.Error.WriteLine($"denied {r.Order.ClientOrderId}: {r.Reason}");
        }
    }

    return ValueTask.CompletedTask;
});
var trades = Subscription.For<TradeExecution>((t, context, _) =>
{
    if (NumberOf(t.ClientOrderId) is var n and >= 0 && traded[n] == 0)
    {
        traded[n] = context.Envelope.Timestamp.Value;
    }

    return ValueTask.CompletedTask;
});
var positions = Subscription.For<PositionChange>((p, _, _) =>
{
    var arrived = Now();
    var account = p.AccountId.Value;
    if (account.StartsWith(run, StringComparison.Ordinal) && int.TryParse(account.AsSpan(run.Length + 1), out var k))
    {
        // One order at a time per portfolio in practice; a queue keeps the pairing right even when answers overlap.
        if (waiting[k].TryDequeue(out var n))
        {
            positioned[n] = arrived;
        }
        else
        {
            Interlocked.Increment(ref unmatched);
        }
    }

    return ValueTask.CompletedTask;
});
await using var provider = StandaloneMessaging.Build(new Dictionary<Bus, IConnectionMultiplexer>
{
    [Bus.MarketData] = marketData, // TRADE_EXECUTION travels with the market data
    [Bus.EngineLogic] = logic,
}, new BusOptions { Source = $"bench-{run}", NewGroupsReadFromStart = false }, verdicts, trades, positions);
var consumer = provider.GetRequiredService<MessageConsumer>();
await ((IHostedService)consumer).StartAsync(CancellationToken.None);
await consumer.Ready;
var publisher = provider.GetRequiredService<IMessagePublisher>();

// Paced by a thread sleeping 1 ms: .NET timers tick every 4 ms here and would send bursts.
var pacer = new Thread(() =>
{
    var clock = Stopwatch.StartNew();
    var next = 0;
    while (next < total)
    {
        var due = Math.Min((int)(clock.Elapsed.TotalSeconds * rate), total);
        for (; next < due; next++)
        {
            var k = next % portfolios;
            var side = next / portfolios % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
            var request = new OrderRequest(new ClientOrderId($"{run}-{next}"), new StrategyId("bench"), new PortfolioId($"{run}-{k}"),
                instrument, side, OrderType.Market, Quantity.FromDecimal(1, 0), null, TimeInForce.Gtc, UnixNanos.Now(TimeProvider.System));
            waiting[k].Enqueue(next);
            sent[next] = Now();
            if (publisher.PublishAsync(request) is { IsCompletedSuccessfully: false } pending)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        Thread.Sleep(1);
    }
})
{ Name = "order pacer" };
pacer.Start();
pacer.Join();
await publisher.FlushAsync();
var deadline = Stopwatch.StartNew();
while (positioned.Count(t => t != 0) + denied < total && deadline.Elapsed < TimeSpan.FromSeconds(30))
{
    await Task.Delay(50);
}

await ((IHostedService)consumer).StopAsync(CancellationToken.None);

var first = warmUpSeconds * rate;
var measured = Enumerable.Range(first, total - first).ToArray();
var answered = measured.Where(n => positioned[n] != 0).ToArray();
Console.WriteLine($"{symbol} ({instrument}) at market, {rate} orders/s for {seconds} s after {warmUpSeconds} s of warm-up, " +
                  $"{portfolios} portfolios: " +
                  $"{measured.Length} sent, {answered.Length} positioned, {denied} denied, {unmatched} unmatched POSITION_CHANGEs");
if (answered.Length == 0)
{
    return 1;
}

Report("ORDER_REQUEST published -> PRE_TRADE_RESULT published (Risk)",
    answered.Where(n => verdict[n] != 0).Select(n => verdict[n] - sent[n]));
Report("PRE_TRADE_RESULT published -> TRADE_EXECUTION published (Execution: OMS, venue, stored)",
    answered.Where(n => verdict[n] != 0 && traded[n] != 0).Select(n => traded[n] - verdict[n]));
Report("TRADE_EXECUTION published -> POSITION_CHANGE received here",
    answered.Where(n => traded[n] != 0).Select(n => positioned[n] - traded[n]));
Report("order submit -> POSITION_CHANGE received (end to end)", answered.Select(n => positioned[n] - sent[n]));
return answered.Length == measured.Length ? 0 : 1;

static void Report(string what, IEnumerable<long> nanos)
{
    var ms = nanos.Select(x => x / 1e6).Order().ToArray();
    double Q(double q) => ms[Math.Min(ms.Length - 1, Math.Max(0, (int)Math.Ceiling(q * ms.Length) - 1))];
    Console.WriteLine($"  {what}: p50 {Q(0.5):F2} ms, p90 {Q(0.9):F2} ms, p99 {Q(0.99):F2} ms, p99.9 {Q(0.999):F2} ms, " +
                      $"max {Q(1):F2} ms ({ms.Length} orders)");
}
