using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nautilus.Messaging;
using StackExchange.Redis;

namespace Nautilus.Testing;

/// <summary>
/// A real redis-server on a free loopback port, in a folder of its own; can be killed and started again. The bus tests
/// and the bus benchmark both run on it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nautilus-redis-").FullName;
    private readonly bool _appendOnly;
    private Process? _process;

    private RedisServer(int port, bool appendOnly)
    {
        Port = port;
        _appendOnly = appendOnly;
    }

    public int Port { get; }

    /// <summary>CPU time the server has used (user and system), for benchmarks that report it.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process!.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    /// <param name="appendOnly">fsync every write, so what the server acknowledged survives a kill.</param>
    public static async Task<RedisServer> StartAsync(bool appendOnly = false)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new RedisServer(port, appendOnly);
        await server.StartProcessAsync();
        return server;
    }

    public async Task StartProcessAsync()
    {
        string[] args = ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--save", "",
            "--appendonly", _appendOnly ? "yes" : "no", "--appendfsync", "always"];
        _process = Process.Start(new ProcessStartInfo("redis-server", args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        _ = _process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, deadline.Token);
            }
        }
    }

    /// <summary>Whether the server process is up (not killed, not exited).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>SIGKILL: no shutdown, as a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(BusConnectionOptions.Parse(ConnectionString));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
