using System.Diagnostics;
using Microsoft.Extensions.Options;
using Nautilus.Model;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Backtesting;
using Nautilus.Risk.Domain.History;
using Nautilus.Risk.Domain.Stress;
using Nautilus.Risk.Domain.Var;
using Nautilus.Risk.Engine.Extensions;
using Nautilus.Risk.Engine.Persistence;

namespace Nautilus.Risk.Engine.State;

/// <summary>
/// Risk of the live portfolios from history: one-day historical VaR/ES of today's positions over the stored daily closes of
/// their instruments (stored on every computation, so it can be backtested against the P&amp;L that followed), that history
/// backtested, and the worst days of a period replayed on today's positions.
/// </summary>
public sealed class PortfolioVarCalculator(LiveRisk risk, DailyCloses closes, RiskHistoryRepository repository,
    IOptions<RiskOptions> options,
    RiskMetrics metrics, TimeProvider clock)
{
    private const string Method = "historical";

    /// <summary>Computes and stores the portfolio's VaR; null for a portfolio the engine has no positions of.</summary>
    /// <exception cref="RiskInputException">No open position, or too little common history.</exception>
    public async Task<PortfolioVar?> ComputeAsync(PortfolioId portfolio, CancellationToken ct)
    {
        if (risk.PositionsOf(portfolio) is not { } positions)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var confidence = options.Value.VarConfidence;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (history, values) = await HistoryOfAsync(positions, today.AddDays(-options.Value.VarLookbackDays), today, ct);
        var notes = history.Missing.Select(m => $"{m}: no stored daily closes, left out of the VaR").ToList();
        if (history.Instruments.Count == 0 || history.Returns.Length == 0)
        {
            throw new RiskInputException("portfolio",
                $"{portfolio} has no position with two or more stored daily closes (import daily bars to MarketData first)");
        }

        VarResult result;
        try
        {
            result = ValueAtRisk.OfPositions(history.Returns, values, VarMethod.Historical, new VarSettings(confidence));
        }
        catch (RiskInputException ex)
        {
            throw new RiskInputException("portfolio", $"{history.Returns.Length} days of common history: {ex.Problem}");
        }

        var var = new PortfolioVar(portfolio, clock.GetUtcNow(), Method, confidence, 1, result.Var, result.Es, values.Sum(),
            history.Returns.Length, history.Dates[0], history.Dates[^1],
            history.Instruments.Select((i, k) => new VarContribution(i, values[k], result.Components![k], result.Marginal![k])).ToArray(),
            [.. notes, .. result.Notes]);
        await repository.RecordVarAsync(var, ct);
        await risk.OnVarAsync(portfolio, var.Var, ct);
        metrics.Calculated("portfolio-var", Method, Stopwatch.GetElapsedTime(started));
        return var;
    }

    /// <summary>The stored VaR of each day in [from, to] against the next day's P&amp;L, and their backtest.</summary>
    public async Task<VarHistoryResponse> HistoryAsync(PortfolioId portfolio, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var confidence = options.Value.VarConfidence;
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var estimates = await repository.VarEstimatesAsync(portfolio, confidence, start, end, ct);
        var navs = await repository.NavClosesAsync(portfolio, from, to.AddDays(10), ct);
        var points = VarHistory.Pair(estimates, navs);
        var realised = points.Where(p => p.Pnl is not null).ToArray();
        List<string> notes = [];
        VarBacktestResult? backtest = null;
        if (realised.Length >= 2)
        {
            backtest = VarBacktest.Run(realised.Select(p => p.Pnl!.Value).ToArray(), realised.Select(p => p.Var).ToArray(), confidence);
        }
        else
        {
            notes.Add($"{realised.Length} day(s) with both a stored VaR and the next day's P&L: the backtest needs at least 2");
        }

        return new VarHistoryResponse(portfolio, confidence, points, backtest, notes);
    }

    /// <summary>The worst days of [from, to] for today's positions; null for an unknown portfolio.</summary>
    public async Task<IReadOnlyList<StressResult>?> WorstDaysAsync(PortfolioId portfolio, DateOnly from, DateOnly to, int worst,
        CancellationToken ct)
    {
        if (risk.PositionsOf(portfolio) is not { } positions)
        {
            return null;
        }

        var (history, values) = await HistoryOfAsync(positions, from, to, ct);
        if (history.Returns.Length == 0)
        {
            throw new RiskInputException("from", $"no day in [{from}, {to}] has stored daily closes of every held instrument");
        }

        var stressed = history.Instruments.Select((i, k) => new StressPosition(i.ToString(), values[k])).ToArray();
        var started = Stopwatch.GetTimestamp();
        var results = StressTest.WorstHistoricalDays(stressed, stressed.Select(s => s.Instrument).ToArray(), history.Returns,
            history.Dates.Select(d => d.ToString("yyyy-MM-dd")).ToArray(), worst);
        metrics.Calculated("stress", "historical-window", Stopwatch.GetElapsedTime(started));
        return results;
    }

    /// <summary>Daily returns of the open positions' instruments over [from, to], and each position's value in their order.</summary>
    private async Task<(ReturnHistory History, double[] Values)> HistoryOfAsync(IReadOnlyList<LivePosition> positions, DateOnly from,
        DateOnly to, CancellationToken ct)
    {
        var open = positions.Where(p => p.Quantity != 0).ToDictionary(p => p.Instrument);
        var history = await closes.ReturnsAsync(open.Keys, from, to, ct);
        return (history, history.Instruments.Select(i => open[i].Quantity * open[i].Price).ToArray());
    }
}
