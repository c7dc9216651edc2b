using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nautilus.Storage.Migrations;
using Nautilus.Storage.Writing;

namespace Nautilus.Storage.Hosting;

/// <summary>
/// Migrates the engine's schemas at start-up, in the background: the engine answers /health meanwhile (saying
/// storage is not ready) and keeps trying while the database is away. A script error is not retried: the engine
/// reports it in /health rather than crash-looping.
/// </summary>
public sealed class SchemaMigrationService(MigrationRunner runner, StorageState state, ILogger<SchemaMigrationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StorageFailure.RetryWhileAwayAsync(async ct =>
            {
                var report = await runner.RunAsync(state.Schemas, ct);
                logger.LogInformation("Storage ready ({Mode}): {Applied} migrations applied, {Already} already in place",
                    report.Mode, report.Applied.Count, report.AlreadyApplied);
                state.SetMigrated(report);
            }, ex => state.MigrationError = $"waiting for the database: {ex.Message}", stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            state.MigrationError = $"migration failed: {ex.Message}";
            logger.LogCritical(ex, "Storage migrations failed; this engine cannot store anything until they are fixed");
        }
    }
}
