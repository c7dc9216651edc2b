namespace Nautilus.Platform;

/// <summary>
/// What the platform knows about one engine: its Aspire resource name, its fixed port and the message types it
/// publishes and consumes. The buses it connects to follow from those types.
/// </summary>
public sealed record EngineDescriptor(
    string Name,
    string DisplayName,
    int DefaultPort,
    string Owns,
    IReadOnlyList<MessageType> Publishes,
    IReadOnlyList<MessageType> Consumes)
{
    /// <summary>The buses this engine needs: those that carry anything it publishes or consumes.</summary>
    public IReadOnlyList<Bus> Buses { get; } =
        Publishes.Concat(Consumes).Select(MessageRouting.BusOf).Distinct().Order().ToArray();

    public bool Uses(Bus bus) => Buses.Contains(bus);
}
