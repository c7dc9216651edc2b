using Microsoft.Extensions.Options;
using Nautilus.Risk.Domain.Var;
using Nautilus.Risk.Engine.Extensions;

namespace Nautilus.Risk.Engine.State;

/// <summary>Every <see cref="RiskOptions.VarInterval"/>, each portfolio with open positions gets its VaR computed and stored.</summary>
public sealed class VarSchedule(LiveRisk risk, PortfolioVarCalculator calculator, IOptions<RiskOptions> options, TimeProvider clock,
    ILogger<VarSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await risk.Loaded.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.VarInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var portfolio in risk.Portfolios.Select(p => p.Portfolio).ToArray())
            {
                try
                {
                    await calculator.ComputeAsync(portfolio, stoppingToken);
                }
                catch (RiskInputException ex)
                {
                    logger.LogDebug("No scheduled VaR for {Portfolio}: {Problem}", portfolio, ex.Problem);
                }
                catch (Exception ex) when (ex is HttpRequestException or Npgsql.NpgsqlException or TimeoutException
                                               or Nautilus.MarketData.Contracts.MarketDataRequestException)
                {
                    logger.LogWarning("Scheduled VaR of {Portfolio} failed, tried again next time: {Error}", portfolio, ex.Message);
                }
            }
        }
    }
}
