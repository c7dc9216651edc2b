using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nautilus.Platform;
using Nautilus.Storage.Migrations;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The engine owns these schemas: migrate them at start-up, maintain their partitions and retention, report them in
    /// /health. Needs an <see cref="NpgsqlDataSource"/> registered.
    /// </summary>
    public static IServiceCollection AddNautilusStorage(this IServiceCollection services,
        params (string Schema, IReadOnlyList<Migration> Migrations)[] schemas)
    {
        services.AddSingleton(new StorageState(schemas));
        services.AddSingleton<MigrationRunner>();
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        services.AddHostedService<SchemaMigrationService>();
        services.AddHostedService<StorageMaintenanceService>();
        return services;
    }

    /// <summary>A writer of one table that waits for migrations and appears in /health.</summary>
    public static TimeSeriesWriter<TRow> CreateWriter<TRow>(this IServiceProvider services, ICopyTarget<TRow> target,
        TimeSeriesWriterOptions? options = null)
    {
        var state = services.GetRequiredService<StorageState>();
        var writer = new TimeSeriesWriter<TRow>(services.GetRequiredService<NpgsqlDataSource>(), target,
            options ?? new TimeSeriesWriterOptions(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger($"Nautilus.Storage.Writer.{target.Table}"),
            ct => state.Migrated.WaitAsync(ct));
        state.Track(() => writer.Status);
        return writer;
    }
}
