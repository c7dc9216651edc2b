using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// What travels on a bus: a message's identity, provenance and trace context around its payload. The payload stays
/// encoded bytes here, so routers, dead-letter handling and the WebSocket gateway never need its type.
/// </summary>
/// <param name="Id">Unique per message; consumers use it to make handling idempotent.</param>
/// <param name="Timestamp">When the message was published.</param>
/// <param name="TraceParent">W3C traceparent of the publishing span, so one trace crosses engines.</param>
/// <param name="Key">Partition key (usually the instrument), used for per-symbol conflation; may be empty.</param>
[MemoryPackable]
public sealed partial record Envelope(
    Guid Id,
    MessageType Type,
    string Source,
    UnixNanos Timestamp,
    Guid CorrelationId,
    string? TraceParent,
    MessagePriority Priority,
    ushort SchemaVersion,
    string Key,
    byte[] Payload);

public enum MessagePriority : byte
{
    Low = 0,
    Normal = 1,
    High = 2,
    Critical = 3,
}
