using System.Diagnostics.Metrics;
using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>Meter <c>Nautilus.WebSocket</c>: clients, frames sent, conflated, dropped, bus-to-socket latency, and the backplane.</summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Nautilus.WebSocket";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _sent;
    private readonly Counter<long> _conflated;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _latency;
    private int _clients;
    private int _replicas = 1;
    private long _sentTotal, _conflatedTotal, _droppedTotal, _backplanePublished;

    public GatewayMetrics()
    {
        _meter.CreateObservableGauge("nautilus.websocket.clients", () => Volatile.Read(ref _clients), "{client}", "Connected clients");
        _sent = _meter.CreateCounter<long>("nautilus.websocket.sent", "{frame}", "Frames sent to clients");
        _conflated = _meter.CreateCounter<long>("nautilus.websocket.conflated", "{frame}", "Frames replaced by a newer one for a slow client");
        _dropped = _meter.CreateCounter<long>("nautilus.websocket.dropped", "{frame}", "Frames dropped for a client whose queue was full");
        _meter.CreateObservableGauge("nautilus.websocket.replicas", () => Volatile.Read(ref _replicas), "{replica}", "Gateway replicas on the backplane");
        _meter.CreateObservableCounter("nautilus.websocket.backplane.published", () => Interlocked.Read(ref _backplanePublished), "{batch}",
            "Batches published to the other replicas");
        _latency = _meter.CreateHistogram<double>("nautilus.websocket.delivery", "ms", "Publish on the bus to send on the socket");
    }

    public int Clients => Volatile.Read(ref _clients);
    public long SentTotal => Interlocked.Read(ref _sentTotal);
    public long ConflatedTotal => Interlocked.Read(ref _conflatedTotal);
    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    /// <summary>Replicas listening on the backplane, this one included, as Redis last counted them.</summary>
    public int Replicas => Volatile.Read(ref _replicas);

    /// <summary>Batches this replica published to the others (none while it is alone).</summary>
    public long BackplanePublished => Interlocked.Read(ref _backplanePublished);

    public void ReplicasCounted(long replicas) => Volatile.Write(ref _replicas, (int)Math.Clamp(replicas, 1, int.MaxValue));

    public void BackplaneBatchPublished() => Interlocked.Increment(ref _backplanePublished);

    public void Connected() => Interlocked.Increment(ref _clients);
    public void Disconnected() => Interlocked.Decrement(ref _clients);

    public void Sent(long publishedNs)
    {
        Interlocked.Increment(ref _sentTotal);
        _sent.Add(1);
        if (publishedNs > 0)
        {
            _latency.Record((UnixNanos.From(DateTimeOffset.UtcNow).Value - publishedNs) / 1e6);
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
