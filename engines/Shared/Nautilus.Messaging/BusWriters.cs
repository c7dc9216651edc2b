using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>One <see cref="BusWriter"/> per bus this service is connected to, created on first use.</summary>
public sealed class BusWriters(BusConnections connections, BusStats stats, IOptions<BusOptions> options, ILoggerFactory loggers)
    : IAsyncDisposable
{
    private readonly BusWriter?[] _writers = new BusWriter?[Enum.GetValues<Bus>().Length];
    private readonly Lock _lock = new();

    /// <summary>Lock-free once created: this is on every publish.</summary>
    public BusWriter For(Bus bus) => Volatile.Read(ref _writers[(int)bus]) ?? Create(bus);

    private BusWriter Create(Bus bus)
    {
        lock (_lock)
        {
            return _writers[(int)bus] ??= new BusWriter(connections[bus], stats, options.Value,
                loggers.CreateLogger($"Nautilus.Messaging.BusWriter.{BusNames.Of(bus)}"));
        }
    }

    public IReadOnlyList<BusWriter> All => _writers.OfType<BusWriter>().ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in All)
        {
            await writer.DisposeAsync();
        }
    }
}
