using Nautilus.AppHost.Infrastructure;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The application model the AppHost declares in each mode, inspected without starting it.</summary>
public sealed class AppModelTests
{
    [Fact]
    public async Task Containers_mode_declares_timescaledb_and_two_redis_containers_on_the_fixed_ports()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Nautilus_AppHost>(
            ["Nautilus:Infrastructure=containers"]);

        var postgres = Assert.IsType<PostgresServerResource>(builder.Resources.Single(r => r.Name == InfrastructureNames.PostgresServer));
        var image = postgres.Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.Equal(PlatformBuilderExtensions.TimescaleImage, image.Image);
        Assert.Contains(builder.Resources, r => r is PostgresDatabaseResource { Name: InfrastructureNames.Database });
        foreach (var (bus, port) in new[] { (BusNames.MarketData, 6380), (BusNames.EngineLogic, 6381) })
        {
            var redis = Assert.IsType<RedisResource>(builder.Resources.Single(r => r.Name == bus));
            Assert.Equal(port, redis.Annotations.OfType<EndpointAnnotation>().Single().Port);
        }
        Assert.DoesNotContain(builder.Resources, r => r is HostRedisResource or HostPostgresServerResource);
    }

    [Fact]
    public async Task TimescaleDb_off_runs_plain_postgres_in_containers_mode_and_an_unknown_value_is_refused()
    {
        await using (var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Nautilus_AppHost>(
            ["Nautilus:Infrastructure=containers", $"{PlatformSettings.TimescaleDbKey}=off"]))
        {
            var postgres = Assert.IsType<PostgresServerResource>(builder.Resources.Single(r => r.Name == InfrastructureNames.PostgresServer));
            Assert.NotEqual(PlatformBuilderExtensions.TimescaleImage, postgres.Annotations.OfType<ContainerImageAnnotation>().Single().Image);
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Nautilus_AppHost>(
            ["Nautilus:Infrastructure=containers", $"{PlatformSettings.TimescaleDbKey}=maybe"]));
        Assert.Contains($"{PlatformSettings.TimescaleDbKey} is 'maybe'", error.ToString());
    }

    [Fact]
    public async Task Host_mode_declares_no_container_at_all_and_every_engine_on_its_port()
    {
        var state = Directory.CreateTempSubdirectory("nautilus-model-").FullName;
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Nautilus_AppHost>(
                ["Nautilus:Infrastructure=host", "Nautilus:PortOffset=22000", $"Nautilus:StateDirectory={state}"]);

            // The testing builder throws on a container resource when no runtime is present.
            Assert.DoesNotContain(builder.Resources, r => r is ContainerResource);
            Assert.IsType<HostPostgresServerResource>(builder.Resources.Single(r => r.Name == InfrastructureNames.PostgresServer));
            Assert.IsType<HostPostgresDatabaseResource>(builder.Resources.Single(r => r.Name == InfrastructureNames.Database));
            Assert.IsType<HostRedisResource>(builder.Resources.Single(r => r.Name == BusNames.MarketData));
            foreach (var engine in EngineCatalog.All)
            {
                var project = Assert.IsType<ProjectResource>(builder.Resources.Single(r => r.Name == engine.Name));
                var endpoint = project.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
                Assert.Equal(engine.DefaultPort + 22000, endpoint.Port);
                Assert.False(endpoint.IsProxied);
            }

            var appendOnly = await File.ReadAllTextAsync(Path.Combine(state, "redis", BusNames.EngineLogic, "redis.conf"));
            Assert.Contains("appendonly yes", appendOnly);
            Assert.Contains("bind 127.0.0.1", appendOnly);
            var conflated = await File.ReadAllTextAsync(Path.Combine(state, "redis", BusNames.MarketData, "redis.conf"));
            Assert.Contains("appendonly no", conflated);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
