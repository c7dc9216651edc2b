using System.Diagnostics;
using System.Net;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>
/// A server of the platform dies: the engines that use it say so in /health, and they recover by themselves once
/// the server is started again (here through the orchestrator's own start command, as an operator would).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FaultTests(PlatformFixture platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Killing_the_market_data_bus_makes_its_engines_unhealthy_until_it_is_back()
    {
        var users = EngineCatalog.All.Where(e => e.Uses(Bus.MarketData)).ToArray();
        var bystander = EngineCatalog.Ml;
        Assert.DoesNotContain(bystander, users);

        Process.GetProcessById(platform.ProcessIdOf(BusNames.MarketData)).Kill();

        foreach (var engine in users)
        {
            await Eventually.TrueAsync(async () =>
            {
                var health = await HealthProbe.GetAsync(platform.Http, PlatformFixture.UrlOf(engine, EndpointPaths.Health));
                return health.Code == HttpStatusCode.ServiceUnavailable && health.DependencyStatus(BusNames.MarketData) == "Unhealthy";
            }, Within, $"{engine.Name} reports marketdata-bus unhealthy");
        }
        var unaffected = await HealthProbe.GetAsync(platform.Http, PlatformFixture.UrlOf(bystander, EndpointPaths.Health));
        Assert.Equal(HttpStatusCode.OK, unaffected.Code);

        await RestartAndExpectRecoveryAsync(BusNames.MarketData, users);
    }

    [Fact]
    public async Task Killing_postgres_makes_every_engine_unhealthy_and_a_stale_pid_file_does_not_stop_the_restart()
    {
        var pid = platform.ProcessIdOf(InfrastructureNames.PostgresServer);
        var pidFile = Path.Combine(platform.StateDirectory, "postgres", "postmaster.pid");
        Assert.True(File.Exists(pidFile), "the running cluster keeps postmaster.pid in the state folder");

        Process.GetProcessById(pid).Kill(); // SIGKILL: no shutdown, the pid file stays behind as after a crash

        foreach (var engine in EngineCatalog.All)
        {
            await Eventually.TrueAsync(async () =>
            {
                var health = await HealthProbe.GetAsync(platform.Http, PlatformFixture.UrlOf(engine, EndpointPaths.Health));
                return health.Code == HttpStatusCode.ServiceUnavailable && health.DependencyStatus(InfrastructureNames.PostgresServer) == "Unhealthy";
            }, Within, $"{engine.Name} reports postgres unhealthy");
        }

        // The worst stale file: its pid now belongs to a live process that is not PostgreSQL (pid reuse after a crash).
        var lines = await File.ReadAllLinesAsync(pidFile);
        lines[0] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllLinesAsync(pidFile, lines);

        await RestartAndExpectRecoveryAsync(InfrastructureNames.PostgresServer, EngineCatalog.All);
    }

    private async Task RestartAndExpectRecoveryAsync(string resource, IReadOnlyList<EngineDescriptor> engines)
    {
        using var cts = new CancellationTokenSource(Within);
        await platform.App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", cts.Token);
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync(resource, "resource-start", cts.Token);
        Assert.True(result.Success, result.Message);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);

        foreach (var engine in engines)
        {
            await Eventually.TrueAsync(async () =>
            {
                var health = await HealthProbe.GetAsync(platform.Http, PlatformFixture.UrlOf(engine, EndpointPaths.Health));
                return health.Code == HttpStatusCode.OK;
            }, Within, $"{engine.Name} healthy again after {resource} restarted");
        }
    }
}
