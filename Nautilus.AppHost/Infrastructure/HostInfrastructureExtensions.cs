using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Host-mode servers as Aspire resources: executables with connection strings and health checks.</summary>
public static class HostInfrastructureExtensions
{
    public static IResourceBuilder<HostPostgresServerResource> AddHostPostgres(
        this IDistributedApplicationBuilder builder, string name, int port, StateDirectory state, string binDirectory,
        bool preloadTimescaleDb)
    {
        var password = builder.AddParameter($"{name}-password", state.Secret($"{name}.password"), secret: true);
        var server = new HostPostgresServerResource(name, state.Root, port, password.Resource);
        var dataDirectory = state.PostgresDataDirectory(runningAsRoot: Environment.IsPrivilegedProcess);
        var script = Path.Combine(builder.AppHostDirectory, "Infrastructure", "postgres-host.sh");

        var healthKey = $"{name}_host_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthKey,
            _ => new PostgresReadinessCheck(async ct => await server.ConnectionStringExpression.GetValueAsync(ct) + ";Database=postgres"),
            HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(5)));

        // A database is no process of its own: it runs when its server runs, and its readiness check (which creates it
        // on first use) decides when it is healthy. Both checks then tick together instead of one after the other.
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (@event, ct) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in builder.Resources.OfType<HostPostgresDatabaseResource>().Where(d => d.Parent == server))
            {
                await notifications.PublishUpdateAsync(database, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
        });

        return builder.AddResource(server)
            .WithArgs(script, binDirectory, dataDirectory, port.ToString(CultureInfo.InvariantCulture),
                // The socket folder sits beside the cluster, where the postgres user is known to be able to reach.
                Path.Combine(Path.GetDirectoryName(dataDirectory)!, "run"), state.SecretPath($"{name}.password"),
                preloadTimescaleDb ? "timescaledb" : "plain")
            .WithHealthCheck(healthKey);
    }

    public static IResourceBuilder<HostPostgresDatabaseResource> AddHostDatabase(
        this IResourceBuilder<HostPostgresServerResource> server, string name)
    {
        var database = new HostPostgresDatabaseResource(name, name, server.Resource);

        var healthKey = $"{name}_host_check";
        server.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthKey,
            _ => new PostgresReadinessCheck(async ct => await database.ConnectionStringExpression.GetValueAsync(ct), createDatabase: name),
            HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(5)));

        return server.ApplicationBuilder.AddResource(database).WithHealthCheck(healthKey);
    }

    /// <summary>
    /// A bus as a host <c>redis-server</c> bound to loopback with a password. <paramref name="appendOnly"/> keeps every
    /// write in an append-only file (fsync each second) so business messages survive a restart.
    /// </summary>
    public static IResourceBuilder<HostRedisResource> AddHostRedis(
        this IDistributedApplicationBuilder builder, string name, int port, StateDirectory state, bool appendOnly)
    {
        var secret = state.Secret($"{name}.password");
        var password = builder.AddParameter($"{name}-password", secret, secret: true);
        var dataDirectory = state.SubDirectory(Path.Combine("redis", name));
        var configFile = Path.Combine(dataDirectory, "redis.conf");
        File.WriteAllLines(configFile,
        [
            "# Written by Nautilus.AppHost at each start; edit Nautilus.AppHost/Infrastructure instead.",
            $"port {port}",
            "bind 127.0.0.1",
            "protected-mode yes",
            "daemonize no",
            "logfile \"\"",
            $"dir {dataDirectory}",
            $"requirepass {secret}",
            "save \"\"",
            appendOnly ? "appendonly yes" : "appendonly no",
            "appendfsync everysec",
        ]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var resource = new HostRedisResource(name, dataDirectory, port, password.Resource);
        var healthKey = $"{name}_host_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthKey,
            _ => new RedisReadinessCheck(port, ct => password.Resource.GetValueAsync(ct).AsTask()),
            HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(5)));

        return builder.AddResource(resource).WithArgs(configFile).WithHealthCheck(healthKey);
    }
}
