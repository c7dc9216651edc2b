using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// What travels on a bus: a message's identity, provenance and trace context around its payload. The payload stays
/// encoded bytes here, so routers, dead-letter handling and the WebSocket gateway never need its type.
/// </summary>
/// <param name="Id">Unique per message; consumers use it to make handling idempotent.</param>
/// <param name="TimestampNs">UTC nanoseconds since the Unix epoch, when the message was published.</param>
/// <param name="TraceParent">W3C traceparent of the publishing span, so one trace crosses engines.</param>
/// <param name="Key">Partition key (usually the instrument), used for per-symbol conflation; may be empty.</param>
[MessagePackObject]
public sealed record Envelope(
    [property: Key(0)] Guid Id,
    [property: Key(1)] MessageType Type,
    [property: Key(2)] string Source,
    [property: Key(3)] long TimestampNs,
    [property: Key(4)] Guid CorrelationId,
    [property: Key(5)] string? TraceParent,
    [property: Key(6)] MessagePriority Priority,
    [property: Key(7)] ushort SchemaVersion,
    [property: Key(8)] string Key,
    [property: Key(9)] byte[] Payload);

public enum MessagePriority : byte
{
    Low = 0,
    Normal = 1,
    High = 2,
    Critical = 3,
}
