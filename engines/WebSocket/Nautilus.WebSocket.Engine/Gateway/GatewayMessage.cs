using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Nautilus.WebSocket.Contracts;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// A bus message as clients receive it: its topic (<c>TYPE:KEY</c>, e.g. <c>PRICE_UPDATE:AAPL</c>), its payload as
/// JSON, the update frame sent to every subscriber (built and UTF-8 encoded once, however many clients get it), the
/// slot a newer message of the same kind replaces it in when a client is slow (null: never replaced — trades, bars),
/// the slot it takes for a client that asked for a throttled view (the newest message of its kind per interval), and
/// when it was published (delivery latency). All of it is worked out on first use, in two steps: decoding gives the
/// slots (what a client's outbox needs to place the message), JSON is made only when a frame is sent. Every bus message
/// passes through the gateway; one that no client subscribes to is never decoded, and one that a throttled client
/// replaces before sending it is never turned into JSON. Topic and slot strings come from <see cref="TopicNames"/>.
/// </summary>
public sealed class GatewayMessage
{
    private readonly Func<object?, GatewayPayload> _decode;
    private readonly object? _state;
    private Decoded? _decoded;
    private Rendering? _rendering;

    /// <param name="decode">The payload's conflation and sampling keys and how to write it as JSON; may throw
    /// <see cref="Nautilus.Messaging.MalformedMessageException"/>, which makes the message unreadable.</param>
    public GatewayMessage(string type, string key, long publishedNs, Func<GatewayPayload> decode)
        : this(type, key, publishedNs, static decode => ((Func<GatewayPayload>)decode!)(), decode)
    {
    }

    /// <summary>As above with the decoder's input passed along (the envelope), so no closure is made per message.</summary>
    public GatewayMessage(string type, string key, long publishedNs, Func<object?, GatewayPayload> decode, object? state)
    {
        Type = type;
        Key = key;
        PublishedNs = publishedNs;
        Topic = TopicNames.Join(type, key);
        WildcardTopic = TopicNames.Wildcard(type);
        _decode = decode;
        _state = state;
    }

    public GatewayMessage(string type, string key, string data, string? conflationKey, long publishedNs, string? sampleKey = null)
        : this(type, key, publishedNs, () => new GatewayPayload(conflationKey, sampleKey ?? conflationKey, () => data))
    {
    }

    public string Type { get; }

    public string Key { get; }

    public long PublishedNs { get; }

    public string Topic { get; }

    /// <summary>The wildcard topic that also takes this message (<c>TYPE:*</c>).</summary>
    public string WildcardTopic { get; }

    /// <summary>Its place in the order messages reached this replica's hub (0 until dispatched): what tells a client's
    /// snapshot from updates older than it.</summary>
    public long Sequence { get; internal set; }

    /// <summary>False when the payload could not be decoded; such a message is sent to nobody.</summary>
    public bool Readable => Decode().Json is not null;

    /// <summary>Where a slow client keeps only the newest message of this kind, or null when every message counts.</summary>
    public string? Slot => Decode().Slot;

    /// <summary>Where a throttled client keeps only the newest message of this kind, or null when every message counts.</summary>
    public string? SampleSlot => Decode().SampleSlot;

    /// <summary>The update frame; empty when the payload turned out unreadable only as it was written (sent to nobody).</summary>
    public ReadOnlyMemory<byte> Frame => Render().Frame;

    /// <summary>The snapshot frame (UTF-8), or null when the payload cannot be read.</summary>
    public byte[]? SnapshotFrame => Render().Data is { } data ? Build(GatewayOps.Snapshot, data) : null;

    // Two shards may decode or render at once; both get the same result and either may be kept, so no lock is needed.
    private Decoded Decode() => _decoded ??= DecodeOnce();

    private Rendering Render() => _rendering ??= RenderOnce();

    private Decoded DecodeOnce()
    {
        try
        {
            var payload = _decode(_state);
            var slot = SlotOf(payload.ConflationKey);
            // Mostly the same key (quotes, books, prices): one lookup of the slot, not two.
            return new Decoded(payload.Json, slot, payload.SampleKey == payload.ConflationKey ? slot : SlotOf(payload.SampleKey));
        }
        catch (Nautilus.Messaging.MalformedMessageException)
        {
            return new Decoded(null, null, null);
        }
    }

    /// <summary>Writes the JSON; a decoder may find the payload's body unreadable only now (it read just the keys before).</summary>
    private Rendering RenderOnce()
    {
        try
        {
            return Decode().Json is { } json && json() is { } data ? new(data, Build(GatewayOps.Update, data)) : Unreadable;
        }
        catch (Nautilus.Messaging.MalformedMessageException)
        {
            return Unreadable;
        }
    }

    private static readonly Rendering Unreadable = new(null, ReadOnlyMemory<byte>.Empty);

    private string? SlotOf(string? key) => key is null ? null : TopicNames.Join(Type, key);

    /// <summary>A frame written straight to UTF-8: one array per message sent instead of a string and then its bytes
    /// (the gateway's main allocation under load).</summary>
    private byte[] Build(string op, string data)
    {
        var key = JavaScriptEncoder.Default.Encode(Key);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(op.Length + data.Length + 2 * (Type.Length + key.Length)) + 128);
        try
        {
            if (!Utf8.TryWrite(buffer, $$"""{"op":"{{op}}","topic":"{{Type}}:{{key}}","type":"{{Type}}","key":"{{key}}","publishedNs":{{PublishedNs}},"data":{{data}}}""", out var written))
            {
                throw new InvalidOperationException("a frame outgrew its buffer"); // sized for the worst case above
            }

            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed record Decoded(Func<string>? Json, string? Slot, string? SampleSlot);

    private sealed record Rendering(string? Data, ReadOnlyMemory<byte> Frame);
}

/// <summary>
/// A decoded bus message as the gateway needs it: the key under which a newer one replaces it for a slow client (null:
/// never), the key under which a newer one replaces it for a throttled client (null: every message is delivered), and
/// how to write it as JSON (called only for a message that is sent).
/// </summary>
public sealed record GatewayPayload(string? ConflationKey, string? SampleKey, Func<string> Json);
