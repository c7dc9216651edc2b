using System.Diagnostics.Metrics;
using Nautilus.Contracts;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>Meter <c>Nautilus.WebSocket</c>: clients, frames sent, conflated, dropped, and bus-to-socket latency.</summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Nautilus.WebSocket";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _sent;
    private readonly Counter<long> _conflated;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _latency;
    private int _clients;
    private long _sentTotal, _conflatedTotal, _droppedTotal;

    public GatewayMetrics()
    {
        _meter.CreateObservableGauge("nautilus.websocket.clients", () => Volatile.Read(ref _clients), "{client}", "Connected clients");
        _sent = _meter.CreateCounter<long>("nautilus.websocket.sent", "{frame}", "Frames sent to clients");
        _conflated = _meter.CreateCounter<long>("nautilus.websocket.conflated", "{frame}", "Frames replaced by a newer one for a slow client");
        _dropped = _meter.CreateCounter<long>("nautilus.websocket.dropped", "{frame}", "Frames dropped for a client whose queue was full");
        _latency = _meter.CreateHistogram<double>("nautilus.websocket.delivery", "ms", "Publish on the bus to send on the socket");
    }

    public int Clients => Volatile.Read(ref _clients);
    public long SentTotal => Interlocked.Read(ref _sentTotal);
    public long ConflatedTotal => Interlocked.Read(ref _conflatedTotal);
    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    public void Connected() => Interlocked.Increment(ref _clients);
    public void Disconnected() => Interlocked.Decrement(ref _clients);

    public void Sent(long publishedNs)
    {
        Interlocked.Increment(ref _sentTotal);
        _sent.Add(1);
        if (publishedNs > 0)
        {
            _latency.Record((UnixNanos.From(DateTimeOffset.UtcNow) - publishedNs) / 1e6);
        }
    }

    public void Conflated()
    {
        Interlocked.Increment(ref _conflatedTotal);
        _conflated.Add(1);
    }

    public void Dropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
