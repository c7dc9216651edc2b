using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Nautilus.Messaging;
using Nautilus.Platform;
using Npgsql;
using Scalar.AspNetCore;
using StackExchange.Redis;

namespace Nautilus.Engine.Hosting;

/// <summary>How an engine host is put together, so each engine's Program.cs stays a few lines.</summary>
public static class EngineHostingExtensions
{
    /// <summary>A dependency that does not answer within this is reported unhealthy rather than hanging /health.</summary>
    public static readonly TimeSpan DependencyCheckTimeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddEngine(this WebApplicationBuilder builder, EngineDescriptor engine)
    {
        RequiredConnectionStrings.EnsurePresent(builder.Configuration, engine);

        builder.Services.AddSingleton(engine);
        builder.AddServiceDefaults();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        // Unreadable input reaches BadRequestHandler, which names the field, instead of ending as a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Enums travel by name (AssetClass "Equity", not 1): readable in notebooks and stable if values are reordered.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = $"Nautilus {engine.DisplayName} engine";
            document.Info.Description = $"{engine.DisplayName} engine: {engine.Owns}.";
            return Task.CompletedTask;
        }));

        // Our own checks replace the integrations' so /health names dependencies as the architecture does.
        builder.AddNpgsqlDataSource(InfrastructureNames.Database, settings => settings.DisableHealthChecks = true);
        var health = builder.Services.AddHealthChecks();
        health.Add(new HealthCheckRegistration(InfrastructureNames.PostgresServer,
            sp => new PostgresHealthCheck(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<Nautilus.Storage.Hosting.StorageState>()),
            HealthStatus.Unhealthy, ["ready"], DependencyCheckTimeout));

        foreach (var bus in engine.Buses.Select(BusNames.Of))
        {
            builder.AddKeyedRedisClient(bus,
                settings =>
                {
                    settings.DisableHealthChecks = true;
                    // No span per Redis command: the bus's own publish and consume spans carry the traces across engines,
                    // and profiling every XADD, ack and backplane PUBLISH cost the busiest engines CPU on every message.
                    settings.DisableTracing = true;
                },
                options => BusConnectionOptions.Apply(options));
            health.Add(new HealthCheckRegistration(bus,
                sp => new RedisBusHealthCheck(sp.GetRequiredKeyedService<IConnectionMultiplexer>(bus)),
                HealthStatus.Unhealthy, ["ready"], DependencyCheckTimeout));
        }

        // The buses: publish routed by type, this engine's consumer group, statistics.
        builder.Services.AddValidatedOptions<BusOptions>(BusOptions.Section)
            .Configure(options => options.Source = engine.Name);
        builder.Services.AddNautilusMessaging(sp => new BusConnections(engine.Buses.ToDictionary(
            bus => bus, bus => sp.GetRequiredKeyedService<IConnectionMultiplexer>(BusNames.Of(bus)))));

        return builder;
    }

    public static WebApplication MapEngine(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStorageReadiness();
        app.MapDefaultEndpoints();
        app.MapOpenApi();
        app.MapScalarApiReference(EndpointPaths.Docs, options => options.WithTitle(app.Environment.ApplicationName));
        app.MapEngineInfoApi();
        app.MapBusStatsApi();
        return app;
    }
}
