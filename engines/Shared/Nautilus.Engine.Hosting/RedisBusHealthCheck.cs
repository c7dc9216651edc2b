using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Nautilus.Engine.Hosting;

/// <summary>Readiness of one bus: the multiplexer is connected and the server answers PING.</summary>
public sealed class RedisBusHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!connection.IsConnected)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "not connected (reconnecting)");
            }
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F2} ms",
                new Dictionary<string, object> { ["pingMs"] = Math.Round(latency.TotalMilliseconds, 3) });
        }
        catch (Exception ex) when (ex is RedisException or OperationCanceledException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"unreachable: {ex.Message}", ex);
        }
    }
}
