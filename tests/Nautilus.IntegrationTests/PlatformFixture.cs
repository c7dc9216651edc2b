using System.Diagnostics;
using System.Globalization;
using Nautilus.Platform;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nautilus.IntegrationTests;

/// <summary>
/// Starts the entire AppHost once, in host mode, on ports moved by <see cref="PortOffset"/> so it runs beside a
/// developer's instance, with a fresh state folder; waits until every resource is healthy.
/// </summary>
public sealed class PlatformFixture(IMessageSink sink) : IAsyncLifetime
{
    public const int PortOffset = 20000;
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _state = Path.Combine(Path.GetTempPath(), "nautilus-it-" + Guid.NewGuid().ToString("N")[..8]);

    public DistributedApplication App { get; private set; } = null!;

    public TimeSpan StartupTime { get; private set; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The streaming gateway's API key for this run (the AppHost generates one when not given).</summary>
    public string GatewayApiKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static IReadOnlyList<string> InfrastructureResources { get; } =
        [InfrastructureNames.PostgresServer, InfrastructureNames.Database, BusNames.MarketData, BusNames.EngineLogic];

    public static int PortOf(EngineDescriptor engine) => engine.DefaultPort + PortOffset;

    public static Uri UrlOf(EngineDescriptor engine, string path) => new($"http://localhost:{PortOf(engine)}{path}");

    public static Uri WebUrl(string path) => new($"http://localhost:{InfrastructureNames.WebPort + PortOffset}{path}");

    public string StateDirectory => _state;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Nautilus_AppHost>(
        [
            "Nautilus:Infrastructure=host",
            $"Nautilus:PortOffset={PortOffset.ToString(CultureInfo.InvariantCulture)}",
            $"Nautilus:StateDirectory={_state}",
            $"Parameters:websocket-api-key={GatewayApiKey}",
        ], cts.Token);

        App = await builder.BuildAsync(cts.Token);
        var clock = Stopwatch.StartNew();
        await App.StartAsync(cts.Token);
        await WaitForAllHealthyAsync(cts.Token);
        StartupTime = clock.Elapsed;

        var line = $"platform start-up to all healthy (host mode, {EngineCatalog.All.Count} engines + web + 4 infrastructure resources): {StartupTime.TotalSeconds:F1} s";
        sink.OnMessage(new DiagnosticMessage(line));
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "startup.txt"), line + Environment.NewLine);
    }

    public Task WaitForAllHealthyAsync(CancellationToken ct) =>
        Task.WhenAll(InfrastructureResources
            .Concat(EngineCatalog.All.Select(e => e.Name))
            .Append(InfrastructureNames.Web)
            .Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, ct)));

    /// <summary>The process id DCP reports for an executable resource.</summary>
    public int ProcessIdOf(string resource)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            throw new InvalidOperationException($"No state for {resource}");
        }
        var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
        return Convert.ToInt32(pid, CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (App is not null)
        {
            await App.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await App.DisposeAsync();
        }
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing its last file; the folder is in /tmp and harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
