using System.Text;
using System.Text.Encodings.Web;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// A bus message as clients receive it: its topic (<c>TYPE:KEY</c>, e.g. <c>PRICE_UPDATE:AAPL</c>), its payload as
/// JSON, the update frame sent to every subscriber (built and UTF-8 encoded once, however many clients get it), the
/// slot a newer message of the same kind replaces it in when a client is slow (null: never replaced — trades, bars),
/// the slot it takes for a client that asked for a throttled view (the newest message of its kind per interval), and
/// when it was published (delivery latency). Payload, slot and frame are rendered on first use: every bus message
/// passes through the gateway, and one that no client subscribes to is never turned into JSON.
/// </summary>
public sealed class GatewayMessage
{
    private readonly Func<GatewayPayload> _render;
    private Rendering? _rendering;

    /// <param name="render">The payload as JSON and its conflation and sampling keys; may throw
    /// <see cref="Nautilus.Messaging.MalformedMessageException"/>, which makes the message unreadable.</param>
    public GatewayMessage(string type, string key, long publishedNs, Func<GatewayPayload> render)
    {
        Type = type;
        Key = key;
        PublishedNs = publishedNs;
        Topic = $"{type}:{key}";
        WildcardTopic = $"{type}:*";
        _render = render;
    }

    public GatewayMessage(string type, string key, string data, string? conflationKey, long publishedNs, string? sampleKey = null)
        : this(type, key, publishedNs, () => new GatewayPayload(data, conflationKey, sampleKey ?? conflationKey))
    {
    }

    public string Type { get; }

    public string Key { get; }

    public long PublishedNs { get; }

    public string Topic { get; }

    /// <summary>The wildcard topic that also takes this message (<c>TYPE:*</c>).</summary>
    public string WildcardTopic { get; }

    /// <summary>False when the payload could not be decoded; such a message is sent to nobody.</summary>
    public bool Readable => Rendered.Frame.Length > 0;

    /// <summary>Where a slow client keeps only the newest message of this kind, or null when every message counts.</summary>
    public string? Slot => Rendered.Slot;

    /// <summary>Where a throttled client keeps only the newest message of this kind, or null when every message counts.</summary>
    public string? SampleSlot => Rendered.SampleSlot;

    public ReadOnlyMemory<byte> Frame => Rendered.Frame;

    public string SnapshotFrame => Build("snapshot", Rendered.Data ?? "null");

    // Two shards may render at once; both get the same result and either may be kept, so no lock is needed.
    private Rendering Rendered => _rendering ??= Render();

    private Rendering Render()
    {
        try
        {
            var payload = _render();
            return new Rendering(payload.Data, SlotOf(payload.ConflationKey), SlotOf(payload.SampleKey),
                Encoding.UTF8.GetBytes(Build("update", payload.Data)));
        }
        catch (Nautilus.Messaging.MalformedMessageException)
        {
            return new Rendering(null, null, null, ReadOnlyMemory<byte>.Empty);
        }
    }

    private string? SlotOf(string? key) => key is null ? null : $"{Type}:{key}";

    private string Build(string op, string data) =>
        $$"""{"op":"{{op}}","topic":"{{Type}}:{{JavaScriptEncoder.Default.Encode(Key)}}","type":"{{Type}}","key":"{{JavaScriptEncoder.Default.Encode(Key)}}","publishedNs":{{PublishedNs}},"data":{{data}}}""";

    private sealed record Rendering(string? Data, string? Slot, string? SampleSlot, ReadOnlyMemory<byte> Frame);
}

/// <summary>
/// A bus message's payload as JSON; the key under which a newer one replaces it for a slow client (null: never), and
/// the key under which a newer one replaces it for a throttled client (null: every message is delivered).
/// </summary>
public readonly record struct GatewayPayload(string Data, string? ConflationKey, string? SampleKey);
