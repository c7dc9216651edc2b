using StackExchange.Redis;

namespace Nautilus.Messaging;

/// <summary>How every connection to a bus is configured: the engines' clients, the consumers' blocking readers, tests.</summary>
public static class BusConnectionOptions
{
    public static ConfigurationOptions Apply(ConfigurationOptions options)
    {
        // Keep reconnecting in the background when a bus goes away instead of failing the engine.
        options.AbortOnConnectFail = false;
        // Socket reads on the .NET thread pool instead of the client's own dedicated threads: on our 2-core machines
        // those extra threads competed with the pool and every reply crossed between them. Bus benchmark: CPU per
        // message 6.1-6.5 µs -> 3.6-4.7 µs, end to end 219-235 k -> 291-388 k msg/s, p99 at 10 k msg/s 1.3 -> 0.8 ms.
        // The cost is that a starved thread pool delays Redis replies too; nothing in the engines blocks pool threads.
        options.SocketManager = SocketManager.ThreadPool;
        return options;
    }

    public static ConfigurationOptions Parse(string configuration) => Apply(ConfigurationOptions.Parse(configuration));
}
