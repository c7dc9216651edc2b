using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Portfolio.Engine.Extensions;
using Nautilus.Portfolio.Engine.Persistence;

namespace Nautilus.Portfolio.Engine.State;

/// <summary>
/// Valuations, in the order they were made: stored as NAV history, then published as PORTFOLIO_UPDATE (the Risk engine's loss
/// limits and the Analytics engine's statistics read it), a batch at a time.
/// </summary>
public sealed class ValuationJournal(
    Channel<Valuation> valuations,
    PortfolioRepository repository,
    IMessagePublisher publisher,
    PortfolioMetrics metrics,
    ILogger<ValuationJournal> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = valuations.Reader;
        var batch = new List<Valuation>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 500 && reader.TryRead(out var v))
            {
                batch.Add(v);
            }

            await Storage.Writing.StorageFailure.RetryWhileAwayAsync(ct => repository.InsertNavAsync(batch, ct),
                ex => logger.LogWarning("NAV history not stored yet: {Error}", ex.Message), stoppingToken);
            foreach (var v in batch)
            {
                await publisher.PublishAsync(UpdateOf(v), cancellationToken: stoppingToken);
                metrics.Valued();
            }

            batch.Clear();
        }
    }

    private static PortfolioUpdate UpdateOf(Valuation v)
    {
        var p = v.Value;
        var currency = Currency.Of(p.BaseCurrency);
        Money M(double amount) => new((decimal)Math.Round(amount, 8), currency);
        return new PortfolioUpdate(new PortfolioId(v.PortfolioId), M(p.NetAssetValue), M(p.Cash),
            M(p.Holdings.Sum(h => Math.Abs(h.MarketValue))), M(p.Holdings.Sum(h => h.MarketValue)), M(p.UnrealizedPnl),
            M(p.RealizedPnl), v.AsOf);
    }
}
