using Microsoft.Extensions.Options;
using Nautilus.Collateral.Domain.Forecast;
using Nautilus.Collateral.Engine.Extensions;
using Nautilus.Collateral.Engine.Models;
using Nautilus.Collateral.Engine.Persistence;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;

namespace Nautilus.Collateral.Engine.State;

/// <summary>
/// Every <see cref="CollateralOptions.EvaluateEvery"/>: each account margined by the configured model, its utilisation (maintenance ÷
/// equity) and the forecast over the horizon. When the forecast reaches utilisation 1, a MARGIN_CALL is published (and stored) with
/// its lead time as DueBy: once, until the account's forecast no longer reaches 1.
/// </summary>
public sealed class MarginMonitor(LiveAccounts accounts, CollateralRepository repository, IMessagePublisher publisher,
    IOptions<CollateralOptions> options, CollateralMetrics metrics, TimeProvider clock, ILogger<MarginMonitor> logger) : BackgroundService
{
    private readonly HashSet<string> _called = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluateEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await EvaluateAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Margin evaluation failed; the next tick tries again");
            }
        }
    }

    public async Task EvaluateAsync(CancellationToken ct)
    {
        var o = options.Value;
        var model = MarginInputs.Models[o.Model];
        var snapshots = accounts.Snapshots();
        foreach (var account in snapshots)
        {
            var requirement = model.Requirement(account.Positions);
            var forecast = MarginCallForecast.Project(model, account.Positions, account.Equity, account.Volatilities, o.HorizonMinutes,
                o.Quantile);
            var now = clock.GetUtcNow();
            var utilisation = account.Equity > 0 ? requirement.Maintenance / account.Equity : double.PositiveInfinity;
            accounts.Record(new AccountMargin(account.Account, model.Name, account.Equity, requirement, utilisation, forecast, now));
            if (forecast.CallInMinutes is not { } lead)
            {
                _called.Remove(account.Account);
                continue;
            }

            if (!_called.Add(account.Account))
            {
                continue;
            }

            var at = forecast.Path.First(p => p.Minute == lead);
            Money Cash(double amount) => new(Math.Round((decimal)amount, 2), account.Currency);
            var call = new MarginCall(new AccountId(account.Account), Cash(at.Requirement), Cash(Math.Max(at.Equity, 0)),
                Cash(Math.Max(at.Requirement - at.Equity, 0)), UnixNanos.From(now.AddMinutes(lead)), UnixNanos.From(now));
            await repository.RecordCallAsync(call, lead, utilisation, ct);
            await publisher.PublishAsync(call, cancellationToken: ct);
            metrics.Called();
            logger.LogWarning("Margin call forecast for {Account}: utilisation {Utilisation:P1} now, 100 % in {Lead} min at the " +
                "{Quantile} quantile", account.Account, utilisation, lead, o.Quantile);
        }

        metrics.Evaluated(snapshots.Count);
    }
}
