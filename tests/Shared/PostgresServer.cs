using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Nautilus.Testing;

/// <summary>
/// A real PostgreSQL cluster in a temporary folder on a free loopback port; can crash (immediate shutdown, as a
/// power cut looks to the client) and start again on the same data.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly string BinDirectory = FindBinaries();
    private readonly string _directory;
    private Process? _process;

    private readonly string[] _settings;

    private PostgresServer(string directory, int port, string[] settings)
    {
        _directory = directory;
        Port = port;
        _settings = settings;
    }

    public int Port { get; }

    /// <summary>The server's share folder (its extensions live in <c>extension/</c> under it).</summary>
    public static string ShareDirectory => RunAsync(Path.Combine(BinDirectory, "pg_config"), ["--sharedir"]).GetAwaiter().GetResult().Trim();

    private string DataDirectory => Path.Combine(_directory, "data");

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=30;Include Error Detail=true";

    /// <param name="settings">Extra server settings as name=value (the benchmarks pass the platform's own).</param>
    public static async Task<PostgresServer> StartAsync(params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("nautilus-pg-").FullName;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var server = new PostgresServer(directory, port, settings);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "--encoding=UTF8", "--locale=C", "--no-sync"], asPostgres: true);
        await server.StartProcessAsync();
        return server;
    }

    public async Task StartProcessAsync()
    {
        string[] args = [Path.Combine(BinDirectory, "postgres"), "-D", DataDirectory, "-p", Port.ToString(), "-k", _directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_wal_size=2GB", "-c", "logging_collector=off",
            .. _settings.SelectMany(s => new[] { "-c", s })];
        _process = Process.Start(Command(args, asPostgres: true))!;
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
                await connection.OpenAsync(deadline.Token);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException && !deadline.IsCancellationRequested)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    /// <summary>Immediate shutdown: every backend killed, no checkpoint; the next start runs crash recovery.</summary>
    public async Task CrashAsync()
    {
        if (_process is { HasExited: false })
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "stop", "-m", "immediate", "-w"], asPostgres: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>A fresh database for one test, so tests do not see each other's tables.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        // Unpooled: a pooled admin connection would be dead after a crash test restarted the server.
        await using (var admin = new NpgsqlConnection(ConnectionString() + ";Pooling=false"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return NpgsqlDataSource.Create(ConnectionString(name));
    }

    public async ValueTask DisposeAsync()
    {
        await CrashAsync();
        _process?.Dispose();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static ProcessStartInfo Command(string[] args, bool asPostgres)
    {
        var command = asPostgres && IsRoot
            ? new[] { "setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--" }.Concat(args).ToArray()
            : args;
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static async Task<string> RunAsync(string file, string[] args, bool asPostgres = false)
    {
        using var process = Process.Start(Command([file, .. args], asPostgres))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }

        return await output;
    }

    private static string FindBinaries()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("NAUTILUS_PG_BIN"), "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(Path.Combine(candidate, "postgres")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("PostgreSQL server binaries not found (set NAUTILUS_PG_BIN); ./test.sh installs them.");
    }
}
