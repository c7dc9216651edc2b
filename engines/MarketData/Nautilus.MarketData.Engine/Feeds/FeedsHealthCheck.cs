using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nautilus.MarketData.Contracts;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>Each feed's state in /health; a faulted feed makes the engine degraded (it still serves what it has).</summary>
public sealed class FeedsHealthCheck(FeedRegistry feeds) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = feeds.All.ToDictionary(f => f.Name, f => (object)new { state = f.Status.State.ToString(), events = f.Status.Events, error = f.Status.Error });
        var faulted = feeds.All.Where(f => f.Status.State == FeedState.Faulted).Select(f => f.Name).ToArray();
        var running = feeds.All.Count(f => f.Status.State == FeedState.Running);
        return Task.FromResult(faulted.Length > 0
            ? HealthCheckResult.Degraded($"feed faulted: {string.Join(", ", faulted)}", data: data)
            : HealthCheckResult.Healthy($"{running} of {feeds.All.Count} feeds running", data));
    }
}
