using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>
/// Samples allocations in this process by type (the runtime's AllocationTick event, one per ~100 KB allocated):
/// set NAUTILUS_BENCH_ALLOCATIONS=1 to print where the bytes of a run go.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } payload)
        {
            var type = payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
            _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
        }
    }

    public void Print(int top = 15)
    {
        var total = _bytesByType.Values.Sum();
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine($"  {bytes * 100.0 / total,5:F1} %  {type}");
        }
    }
}
