using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Nautilus.Messaging.TransientFailure;

namespace Nautilus.Messaging;

/// <summary>
/// Trims the streams this service writes by age every <see cref="BusOptions.TrimInterval"/> (the length limit is applied
/// by every XADD). Replicas and other writers of a stream trim it too: trimming by a time is idempotent.
/// </summary>
public sealed class StreamRetention(BusWriters writers, IOptions<BusOptions> options, TimeProvider clock, ILogger<StreamRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.StreamMaxAge <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TrimInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var writer in writers.All)
                {
                    try
                    {
                        await writer.TrimByAgeAsync(clock.GetUtcNow());
                    }
                    catch (Exception ex) when (IsTransient(ex))
                    {
                        // The bus is away: the next round trims what this one could not.
                        logger.LogWarning("Trimming streams by age failed ({Reason}); retrying in {Interval}", ex.Message, options.Value.TrimInterval);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
