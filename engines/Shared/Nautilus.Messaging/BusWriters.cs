using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>One <see cref="BusWriter"/> per bus this service is connected to, created on first use.</summary>
public sealed class BusWriters(BusConnections connections, BusStats stats, IOptions<BusOptions> options, ILoggerFactory loggers)
    : IAsyncDisposable
{
    private readonly Dictionary<Bus, BusWriter> _writers = new();
    private readonly Lock _lock = new();

    public BusWriter For(Bus bus)
    {
        lock (_lock)
        {
            if (!_writers.TryGetValue(bus, out var writer))
            {
                writer = new BusWriter(connections[bus], stats, options.Value, loggers.CreateLogger($"Nautilus.Messaging.BusWriter.{BusNames.Of(bus)}"));
                _writers[bus] = writer;
            }
            return writer;
        }
    }

    public IReadOnlyList<BusWriter> All
    {
        get
        {
            lock (_lock)
            {
                return _writers.Values.ToArray();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in All)
        {
            await writer.DisposeAsync();
        }
    }
}
