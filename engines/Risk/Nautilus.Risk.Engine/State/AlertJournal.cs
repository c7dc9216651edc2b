using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.Risk.Engine.Persistence;
using Nautilus.Storage.Writing;

namespace Nautilus.Risk.Engine.State;

/// <summary>
/// Stores every RISK_ALERT the engine publishes, off the order path: alerts are queued and written in batches, and a batch
/// that fails is retried until PostgreSQL takes it, so none is lost while the database is away.
/// </summary>
public sealed class AlertJournal(RiskHistoryRepository repository, ILogger<AlertJournal> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<RiskAlert> _queue = Channel.CreateUnbounded<RiskAlert>(new UnboundedChannelOptions { SingleReader = true });

    public void Record(RiskAlert alert) => _queue.Writer.TryWrite(alert);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<RiskAlert>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var alert))
            {
                batch.Add(alert);
            }

            try
            {
                await StorageFailure.RetryWhileAwayAsync(ct => repository.RecordAlertsAsync(batch, ct),
                    ex => logger.LogWarning("{Count} risk alerts not stored yet: {Error}", batch.Count, ex.Message), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Not the database being away: the rows themselves are refused, so they go to the log instead.
                logger.LogError(ex, "Risk alerts refused by storage, logged instead: {Alerts}", string.Join(" | ", batch));
            }

            batch.Clear();
        }
    }
}
