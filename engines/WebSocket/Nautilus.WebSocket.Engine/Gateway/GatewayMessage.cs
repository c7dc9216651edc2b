using System.Text;
using System.Text.Encodings.Web;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// A bus message as clients receive it: its topic (<c>TYPE:KEY</c>, e.g. <c>PRICE_UPDATE:AAPL</c>), its payload as
/// JSON, the update frame sent to every subscriber (built and UTF-8 encoded once, however many clients get it), the
/// slot a newer message of the same kind replaces it in when a client is slow (null: never replaced — trades, bars),
/// and when it was published (delivery latency).
/// </summary>
public sealed record GatewayMessage(string Type, string Key, string Data, string? ConflationKey, long PublishedNs)
{
    public string Topic { get; } = $"{Type}:{Key}";

    /// <summary>The wildcard topic that also takes this message (<c>TYPE:*</c>).</summary>
    public string WildcardTopic { get; } = $"{Type}:*";

    /// <summary>Where a slow client keeps only the newest message of this kind, or null when every message counts.</summary>
    public string? Slot { get; } = ConflationKey is null ? null : $"{Type}:{ConflationKey}";

    public ReadOnlyMemory<byte> Frame { get; } = Encoding.UTF8.GetBytes(Build("update", Type, Key, Data, PublishedNs));

    public string SnapshotFrame => Build("snapshot", Type, Key, Data, PublishedNs);

    private static string Build(string op, string type, string key, string data, long publishedNs) =>
        $$"""{"op":"{{op}}","topic":"{{type}}:{{JavaScriptEncoder.Default.Encode(key)}}","type":"{{type}}","key":"{{JavaScriptEncoder.Default.Encode(key)}}","publishedNs":{{publishedNs}},"data":{{data}}}""";
}
