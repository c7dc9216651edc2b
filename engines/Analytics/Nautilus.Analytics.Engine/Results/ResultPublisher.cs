using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nautilus.Analytics.Domain.Performance;
using Nautilus.Analytics.Engine.Extensions;
using Nautilus.Analytics.Engine.Persistence;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Storage.Writing;

namespace Nautilus.Analytics.Engine.Results;

/// <summary>
/// Publishes a portfolio's headline statistics as ANALYTICS_RESULT (subject <c>portfolio:&lt;id&gt;</c>) after its values
/// change, at most once per <see cref="AnalyticsOptions.ResultInterval"/> per portfolio.
/// </summary>
public sealed class ResultPublisher(AnalyticsRepository repository, IMessagePublisher publisher, IOptions<AnalyticsOptions> options,
    TimeProvider clock, ILogger<ResultPublisher> logger) : BackgroundService
{
    public const string PortfolioSubjectPrefix = "portfolio:";
    private readonly ConcurrentDictionary<PortfolioId, bool> _changed = new();
    private readonly ConcurrentDictionary<PortfolioId, DateTimeOffset> _published = new();

    public void Changed(PortfolioId portfolio) => _changed[portfolio] = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromMilliseconds(Math.Min(1_000, options.Value.ResultInterval.TotalMilliseconds));
        using var timer = new PeriodicTimer(tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = clock.GetUtcNow();
            foreach (var portfolio in _changed.Keys)
            {
                if (_published.TryGetValue(portfolio, out var last) && now - last < options.Value.ResultInterval)
                {
                    continue;
                }

                _changed.TryRemove(portfolio, out _);
                _published[portfolio] = now;
                try
                {
                    await PublishAsync(portfolio, now, stoppingToken);
                }
                catch (Exception ex) when (StorageFailure.IsTransient(ex))
                {
                    Changed(portfolio); // tried again next tick
                    logger.LogWarning("Statistics of {Portfolio} not published yet: {Error}", portfolio, ex.Message);
                }
                catch (PerformanceInputException ex)
                {
                    // A value no return can be taken from (a NAV of zero or below): nothing to publish until the next valuation.
                    logger.LogWarning("No statistics of {Portfolio}: {Problem}", portfolio, ex.Message);
                }
            }
        }
    }

    private async Task PublishAsync(PortfolioId portfolio, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var values = await repository.ValuesAsync(portfolio, today.AddDays(-options.Value.ResultLookbackDays), today, ct);
        if (values.Count < 2)
        {
            return;
        }

        var report = TearSheets.FromValues(values, new PerformanceSettings()).Report;
        var metrics = new Dictionary<string, double>
        {
            ["days"] = values.Count,
            ["nav"] = values[^1].Value,
        };
        foreach (var (name, value) in Headline(report))
        {
            if (value is { } v)
            {
                metrics[name] = v;
            }
        }

        await publisher.PublishAsync(new AnalyticsResult(PortfolioSubjectPrefix + portfolio.Value, metrics, UnixNanos.From(now)),
            cancellationToken: ct);
    }

    private static IEnumerable<(string, double?)> Headline(PerformanceReport report) =>
    [
        ("cumulativeReturn", report.CumulativeReturn), ("annualReturn", report.AnnualReturn),
        ("annualVolatility", report.AnnualVolatility), ("sharpe", report.Sharpe), ("sortino", report.Sortino),
        ("maxDrawdown", report.MaxDrawdown), ("calmar", report.Calmar),
    ];
}
