namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// A bus message as clients receive it: its topic (<c>TYPE:KEY</c>, e.g. <c>PRICE_UPDATE:AAPL</c>), its payload as
/// JSON, the update frame sent to every subscriber (built once), the slot a newer message of the same kind replaces
/// it in when a client is slow (null: never replaced — trades, bars), and when it was published (delivery latency).
/// </summary>
public sealed record GatewayMessage(string Type, string Key, string Data, string? ConflationKey, long PublishedNs)
{
    public string Topic => $"{Type}:{Key}";

    public bool Conflatable => ConflationKey is not null;

    public string Frame { get; } = Build("update", Type, Key, Data, PublishedNs);

    public string SnapshotFrame => Build("snapshot", Type, Key, Data, PublishedNs);

    private static string Build(string op, string type, string key, string data, long publishedNs) =>
        $$"""{"op":"{{op}}","topic":"{{type}}:{{System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(key)}}","type":"{{type}}","key":"{{System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(key)}}","publishedNs":{{publishedNs}},"data":{{data}}}""";
}
