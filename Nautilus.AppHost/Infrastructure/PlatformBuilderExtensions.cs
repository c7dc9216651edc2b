using Nautilus.Platform;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Declares the platform's resources, so AppHost.cs reads like the architecture diagram.</summary>
public static class PlatformBuilderExtensions
{
    public const string TimescaleImage = "timescale/timescaledb";
    public const string TimescaleTag = "latest-pg17";

    public static PlatformInfrastructure AddNautilusInfrastructure(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        var ports = settings.Ports;
        if (settings.Mode == InfrastructureMode.Containers)
        {
            var postgres = builder.AddPostgres(InfrastructureNames.PostgresServer, port: ports[InfrastructureNames.PostgresServer]);
            if (settings.UseTimescaleDb)
            {
                postgres.WithImage(TimescaleImage, TimescaleTag);
            }

            postgres.WithDataVolume(); // after the image: where the data lives depends on it

            return new PlatformInfrastructure(
                postgres.AddDatabase(InfrastructureNames.Database),
                builder.AddRedis(BusNames.MarketData, port: ports[BusNames.MarketData]),
                builder.AddRedis(BusNames.EngineLogic, port: ports[BusNames.EngineLogic]).WithDataVolume().WithPersistence());
        }

        if (!builder.ExecutionContext.IsPublishMode)
        {
            PortAvailability.EnsureFree(ports.All);
        }

        var state = new StateDirectory(settings.StateDirectory);
        var pgBin = HostBinaries.LocatePostgres(settings.PostgresBinDirectory);
        HostBinaries.LocateRedis();

        var server = builder.AddHostPostgres(InfrastructureNames.PostgresServer, ports[InfrastructureNames.PostgresServer], state, pgBin,
            preloadTimescaleDb: settings.UseTimescaleDb && HostBinaries.HasTimescaleDb(pgBin));
        return new PlatformInfrastructure(
            server.AddHostDatabase(InfrastructureNames.Database),
            builder.AddHostRedis(BusNames.MarketData, ports[BusNames.MarketData], state, appendOnly: false),
            builder.AddHostRedis(BusNames.EngineLogic, ports[BusNames.EngineLogic], state, appendOnly: true));
    }

    /// <summary>An engine on its fixed port, referencing and waiting for the database and the buses its messages use.</summary>
    public static IResourceBuilder<ProjectResource> AddEngine<TProject>(
        this IDistributedApplicationBuilder builder, EngineDescriptor engine, PlatformSettings settings, PlatformInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(engine.Name)
            .WithHttpEndpoint(port: settings.Ports[engine.Name], isProxied: false)
            .WithHttpHealthCheck(EndpointPaths.Health)
            .WithReference(infrastructure.Database)
            .WaitFor(infrastructure.Database);

        foreach (var bus in engine.Buses)
        {
            project.WithReference(infrastructure.Bus(bus)).WaitFor(infrastructure.Bus(bus));
        }

        return project;
    }
}
