using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Nautilus.Testing;
using Nautilus.WebSocket.Engine.Gateway;

namespace Nautilus.UnitTests.WebSocket;

/// <summary>The hub hands each message to the clients subscribed to its topic or its type's wildcard, once each.</summary>
public sealed class GatewayHubTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);
    private readonly GatewayMetrics _metrics = new();
    private readonly GatewayHub _hub = new();
    private readonly List<System.Net.WebSockets.WebSocket> _sockets = [];

    public void Dispose()
    {
        _hub.Dispose();
        _sockets.ForEach(s => s.Dispose());
        _metrics.Dispose();
    }

    private (ClientSession Session, FrameRecorder Frames) Connect(params string[] topics)
    {
        var frames = new FrameRecorder();
        var socket = System.Net.WebSockets.WebSocket.CreateFromStream(frames, new WebSocketCreationOptions { IsServer = true });
        _sockets.Add(socket);
        var session = new ClientSession(socket, "test", _metrics);
        _hub.Add(session);
        session.Subscribe(topics, _ => """{"op":"subscribed"}""", []);
        return (session, frames);
    }

    private static GatewayMessage Update(string type, string symbol, int seq) =>
        new(type, symbol, $$"""{"symbol":"{{symbol}}","seq":{{seq}}}""", conflationKey: null, seq);

    [Fact]
    public async Task Each_client_gets_its_topics_and_wildcards_in_order_and_a_message_only_once()
    {
        var (_, aapl) = Connect("MARKET_DATA:AAPL");
        var (_, msft) = Connect("MARKET_DATA:MSFT");
        var (_, every) = Connect("MARKET_DATA:*");
        var (_, both) = Connect("MARKET_DATA:AAPL", "MARKET_DATA:*");
        var (_, features) = Connect("FEATURE_UPDATE:AAPL");

        for (var seq = 1; seq <= 3; seq++)
        {
            _hub.Dispatch(Update("MARKET_DATA", "AAPL", seq));
            _hub.Dispatch(Update("MARKET_DATA", "MSFT", seq));
        }
        _hub.Dispatch(Update("FEATURE_UPDATE", "AAPL", 4));

        await Eventually.TrueAsync(() => every.Data.Count == 6 && both.Data.Count == 6 && features.Data.Count == 1, Within, "every frame sent");
        Assert.Equal(["AAPL:1", "AAPL:2", "AAPL:3"], aapl.Data);
        Assert.Equal(["MSFT:1", "MSFT:2", "MSFT:3"], msft.Data);
        Assert.Equal(["AAPL:1", "MSFT:1", "AAPL:2", "MSFT:2", "AAPL:3", "MSFT:3"], every.Data);
        Assert.Equal(every.Data, both.Data);
        Assert.Equal(["AAPL:4"], features.Data);
    }

    [Fact]
    public async Task A_client_that_unsubscribes_or_leaves_is_sent_nothing_more()
    {
        var (quitter, quitting) = Connect("MARKET_DATA:AAPL", "MARKET_DATA:MSFT");
        var (leaver, leaving) = Connect("MARKET_DATA:*");
        var (_, staying) = Connect("MARKET_DATA:AAPL");

        _hub.Dispatch(Update("MARKET_DATA", "AAPL", 1));
        await Eventually.TrueAsync(() => staying.Data.Count == 1 && leaving.Data.Count == 1 && quitting.Data.Count == 1, Within, "first frame sent");

        Assert.Equal(["MARKET_DATA:MSFT"], quitter.Unsubscribe(["MARKET_DATA:AAPL"]));
        _hub.Remove(leaver);
        _hub.Dispatch(Update("MARKET_DATA", "AAPL", 2));
        _hub.Dispatch(Update("MARKET_DATA", "MSFT", 3));
        await Eventually.TrueAsync(() => staying.Data.Count == 2 && quitting.Data.Count == 2, Within, "second frames sent");

        Assert.Equal(["AAPL:1", "AAPL:2"], staying.Data);
        Assert.Equal(["AAPL:1", "MSFT:3"], quitting.Data);
        Assert.Equal(["AAPL:1"], leaving.Data);
    }

    /// <summary>
    /// The server side of a connection whose client is this recorder: keeps the payload of every unmasked text frame
    /// written to it (RFC 6455 §5.2), as "SYMBOL:SEQ" for bus messages, skipping the subscription acknowledgement.
    /// </summary>
    private sealed class FrameRecorder : Stream
    {
        private readonly List<byte> _pending = [];
        private readonly List<string> _data = [];

        public IReadOnlyList<string> Data
        {
            get
            {
                lock (_data)
                {
                    return [.. _data];
                }
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_data)
            {
                _pending.AddRange(buffer);
                while (TakeFrame() is { } payload)
                {
                    using var json = JsonDocument.Parse(payload);
                    var data = json.RootElement.TryGetProperty("data", out var d) ? d : default;
                    if (data.ValueKind == JsonValueKind.Object)
                    {
                        _data.Add($"{data.GetProperty("symbol").GetString()}:{data.GetProperty("seq").GetInt32()}");
                    }
                }
            }
        }

        private string? TakeFrame()
        {
            if (_pending.Count < 2)
            {
                return null;
            }

            var (length, header) = (_pending[1] & 0x7F) switch
            {
                126 when _pending.Count >= 4 => (_pending[2] << 8 | _pending[3], 4),
                126 => (-1, 0),
                127 => throw new InvalidDataException("no test frame is that long"),
                var small => (small, 2),
            };
            if (length < 0 || _pending.Count < header + length)
            {
                return null;
            }

            var payload = Encoding.UTF8.GetString([.. _pending.GetRange(header, length)]);
            _pending.RemoveRange(0, header + length);
            return payload;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        // The client never speaks: a read waits until the session is disposed.
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
