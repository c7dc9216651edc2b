using Nautilus.Execution.Contracts;
using Nautilus.Platform;

namespace Nautilus.Collateral.Engine.State;

/// <summary>
/// Seeds the accounts with the Execution engine's open positions (it owns them), retrying until it answers: after a restart the
/// engine margins positions that have not traded since, not only those a POSITION_CHANGE reports again.
/// </summary>
public sealed class CollateralStartup(LiveAccounts accounts, IHttpClientFactory http, TimeProvider clock, ILogger<CollateralStartup> logger)
    : BackgroundService
{
    /// <summary>The named client (a singleton must not hold a typed client's handler for ever).</summary>
    public const string HttpClientName = "execution-positions";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var positions = await new ExecutionClient(http.CreateClient(HttpClientName)).PositionsAsync(openOnly: true, stoppingToken);
                static double Signed(ExecutionPosition p) =>
                    (double)p.Quantity * (string.Equals(p.Side, "Short", StringComparison.OrdinalIgnoreCase) ? -1 : 1);
                var seeded = accounts.Seed(positions.Select(p => (p.AccountId, p.Symbol, Signed(p), (double)p.AveragePrice)));
                logger.LogInformation("Seeded {Count} open positions from the Execution engine", seeded);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or EngineRequestException
                                       && !stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Execution engine's positions not available yet (attempt {Attempt}): {Error}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 2 * attempt)), clock, stoppingToken);
            }
        }
    }
}
