using System.Diagnostics;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Vpin.Engine.Extensions;
using Nautilus.Vpin.Engine.Persistence;

namespace Nautilus.Vpin.Engine.State;

/// <summary>
/// Drains the outbox: each full bucket is published as VPIN_CALCULATION (in the trace of the trade that filled it) and stored with
/// the others waiting; each change of toxicity level is stored as an alert. A failed write is retried, never dropped: the buckets
/// wait in the outbox meanwhile.
/// </summary>
public sealed class VpinWriter(VpinOutbox outbox, VpinRepository repository, IMessagePublisher publisher, VpinMetrics metrics,
    ILogger<VpinWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<VpinOutput>(MaxBatch);
        while (await outbox.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && outbox.Reader.TryRead(out var output))
            {
                batch.Add(output);
            }

            foreach (var output in batch)
            {
                await PublishAsync(output, stoppingToken);
            }

            await StoreAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    private async Task PublishAsync(VpinOutput output, CancellationToken ct)
    {
        using var activity = VpinMetrics.Source.StartActivity("vpin.bucket", ActivityKind.Internal, output.Parent);
        var u = output.Update;
        activity?.SetTag("nautilus.instrument", output.Instrument.ToString());
        await publisher.PublishAsync(new VpinCalculation(output.Instrument, u.Vpin, u.Cdf,
            Quantity.FromDoubleAtLeast(output.BucketVolume, 0), output.Window, output.Level,
            Price.FromDoubleAtLeast(u.Price, output.PricePrecision), new UnixNanos(u.TsNanos)), cancellationToken: ct);
    }

    private async Task StoreAsync(List<VpinOutput> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await repository.RecordBucketsAsync([.. batch.Select(o => (o.Instrument.Symbol, o.Update, o.Level, o.Change))], ct);
                foreach (var output in batch.Where(o => o.Change is not null))
                {
                    metrics.Alerted(output.Change!.Value.To);
                }

                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Storing {Count} VPIN buckets failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), ct);
            }
        }
    }
}
