using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nautilus.Risk.Engine.State;

/// <summary>Unhealthy until the stored limits and trading states are in force (orders wait for them), then what is in force.</summary>
public sealed class RiskStateHealthCheck(LiveRisk risk) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!risk.Loaded.IsCompletedSuccessfully)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("limits and trading states not loaded yet"));
        }

        var data = new Dictionary<string, object>
        {
            ["globalState"] = risk.GlobalState.ToString(),
            ["limits"] = risk.Limits.Limits.Count,
            ["portfolios"] = risk.Portfolios.Count(),
        };
        var summary = $"global trading state {risk.GlobalState}, {risk.Limits.Limits.Count} limits";
        return Task.FromResult(HealthCheckResult.Healthy(summary, data));
    }
}
