using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Nautilus.Platform;
using Nautilus.WebSocket.Engine.Gateway;

namespace Nautilus.UnitTests.WebSocket;

/// <summary>A client's outbox over a real loopback WebSocket: throttled views sample, bars always arrive.</summary>
public sealed class ClientSessionTests : IAsyncLifetime
{
    private readonly GatewayMetrics _metrics = new();
    private TcpListener _listener = null!;
    private TcpClient _clientTcp = null!;
    private TcpClient _serverTcp = null!;
    private System.Net.WebSockets.WebSocket _server = null!;
    private System.Net.WebSockets.WebSocket _client = null!;

    public async Task InitializeAsync()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _clientTcp = new TcpClient();
        var accept = _listener.AcceptTcpClientAsync();
        await _clientTcp.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndpoint).Port);
        _serverTcp = await accept;
        _server = System.Net.WebSockets.WebSocket.CreateFromStream(_serverTcp.GetStream(), new WebSocketCreationOptions { IsServer = true });
        _client = System.Net.WebSockets.WebSocket.CreateFromStream(_clientTcp.GetStream(), new WebSocketCreationOptions { IsServer = false });
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        _client.Dispose();
        _serverTcp.Dispose();
        _clientTcp.Dispose();
        _listener.Stop();
        _metrics.Dispose();
        return Task.CompletedTask;
    }

    private static GatewayMessage Quote(int seq) => new("MARKET_DATA", "AAPL", $$"""{"kind":"Quote","seq":{{seq}}}""", "AAPL:Quote", seq);

    private static GatewayMessage Trade(int seq) =>
        new("MARKET_DATA", "AAPL", $$"""{"kind":"Trade","seq":{{seq}}}""", conflationKey: null, seq, sampleKey: "AAPL:Trade");

    private static GatewayMessage Bar(int seq) => new("MARKET_DATA", "AAPL", $$"""{"kind":"Bar","seq":{{seq}}}""", null, seq);

    private async Task<(string Kind, int Seq)> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var (length, _, _) = await WebSocketFrames.ReceiveAsync(_client, buffer, ct);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
        var data = json.RootElement.GetProperty("data");
        return (data.GetProperty("kind").GetString()!, data.GetProperty("seq").GetInt32());
    }

    /// <summary>A session on the server side subscribed to AAPL's market data, its acknowledgement received.</summary>
    private async Task<ClientSession> SubscribedAsync(int throttleMs, CancellationToken ct)
    {
        var session = new ClientSession(_server, "test", _metrics) { ThrottleMs = throttleMs };
        session.Subscribe(["MARKET_DATA:AAPL"], _ => """{"op":"subscribed","data":{"kind":"Ack","seq":0}}""", []);
        Assert.Equal(("Ack", 0), await ReceiveAsync(ct));
        return session;
    }

    [Fact]
    public async Task A_throttled_client_gets_the_newest_quote_and_trade_per_interval_and_every_bar()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var session = await SubscribedAsync(throttleMs: 1_000, timeout.Token);

        // A burst far inside one interval: 1,000 quotes, 200 trade prints, 3 bars.
        for (var i = 1; i <= 1_000; i++)
        {
            session.Enqueue(Quote(i));
            if (i % 5 == 0)
            {
                session.Enqueue(Trade(i));
            }

            if (i % 400 == 0)
            {
                session.Enqueue(Bar(i));
            }
        }

        var received = new List<(string Kind, int Seq)>();
        while (!(received.Contains(("Quote", 1_000)) && received.Contains(("Trade", 1_000))))
        {
            received.Add(await ReceiveAsync(timeout.Token));
        }

        // Every bar, in order; quotes and trades: the first at once, then the newest when the interval has passed.
        Assert.Equal([400, 800], received.Where(r => r.Kind == "Bar").Select(r => r.Seq));
        Assert.InRange(received.Count(r => r.Kind == "Quote"), 1, 2);
        Assert.InRange(received.Count(r => r.Kind == "Trade"), 1, 2);
        var status = session.Status;
        Assert.Equal(1_000, status.ThrottleMs);
        Assert.Equal(1_000 + 200 - received.Count(r => r.Kind is "Quote" or "Trade"), status.Sampled);
        Assert.Equal(0, status.Conflated); // sampling was asked for; it is not the client falling behind
        Assert.Equal(0, status.Dropped);
        session.Close();
    }

    [Fact]
    public async Task An_update_older_than_the_snapshot_is_not_sent_after_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var hub = new GatewayHub();
        var (older, latest, newer) = (Bar(1), Bar(2), Bar(3));
        hub.Dispatch(older); // the hub numbers messages as they arrive; no client yet
        hub.Dispatch(latest);

        var session = new ClientSession(_server, "test", _metrics);
        session.Subscribe(["MARKET_DATA:AAPL"], _ => """{"op":"subscribed","data":{"kind":"Ack","seq":0}}""", hub.Snapshot(["MARKET_DATA:AAPL"]));
        // A shard still had the older bar in hand when the client subscribed, and hands it over now.
        session.Enqueue(older);
        hub.Dispatch(newer);
        session.Enqueue(newer);

        Assert.Equal(("Ack", 0), await ReceiveAsync(timeout.Token));
        Assert.Equal(("Bar", 2), await ReceiveAsync(timeout.Token)); // the snapshot
        Assert.Equal(("Bar", 3), await ReceiveAsync(timeout.Token));
        session.Close();
    }

    [Fact]
    public async Task An_unthrottled_client_that_keeps_up_gets_every_trade_print()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var session = await SubscribedAsync(throttleMs: 0, timeout.Token);

        for (var i = 1; i <= 500; i++)
        {
            session.Enqueue(Trade(i));
        }

        for (var i = 1; i <= 500; i++)
        {
            Assert.Equal(("Trade", i), await ReceiveAsync(timeout.Token));
        }

        Assert.Equal(0, session.Status.Sampled);
        session.Close();
    }

    [Fact]
    public async Task A_message_whose_body_cannot_be_written_is_skipped_and_the_next_one_arrives()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var session = await SubscribedAsync(throttleMs: 0, timeout.Token);

        // Its keys were readable (it was placed in the outbox), its body is not: found only as the frame is written.
        session.Enqueue(new GatewayMessage("MARKET_DATA", "AAPL", 1,
            () => new GatewayPayload(null, null, () => throw new Nautilus.Messaging.MalformedMessageException("cut short"))));
        session.Enqueue(Trade(2));

        Assert.Equal(("Trade", 2), await ReceiveAsync(timeout.Token));
        Assert.Equal(2, session.Status.Sent); // the acknowledgement and the trade
        session.Close();
    }
}
