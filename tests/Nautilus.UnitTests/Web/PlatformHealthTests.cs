using System.Text.Json;
using Nautilus.Platform;
using Nautilus.Web.Health;

namespace Nautilus.UnitTests.Web;

public class PlatformHealthTests
{
    private static EngineHealth Engine(EngineDescriptor engine, ServiceStatus status, params (string Name, ServiceStatus Status)[] deps) =>
        EngineHealth.Pending(engine, "http://localhost:1") with
        {
            Status = status,
            Dependencies = deps.ToDictionary(d => d.Name, d => new DependencyHealth(d.Status, null)),
        };

    [Fact]
    public void Infrastructure_is_healthy_when_every_reporting_engine_says_so()
    {
        var health = InfrastructureHealth.From("postgres", "db",
        [
            Engine(EngineCatalog.Risk, ServiceStatus.Healthy, ("postgres", ServiceStatus.Healthy)),
            Engine(EngineCatalog.Vpin, ServiceStatus.Healthy, ("postgres", ServiceStatus.Healthy)),
        ]);
        Assert.Equal(ServiceStatus.Healthy, health.Status);
        Assert.Equal(2, health.HealthyReports);
    }

    [Theory]
    [InlineData(ServiceStatus.Healthy, ServiceStatus.Unhealthy, ServiceStatus.Degraded)]
    [InlineData(ServiceStatus.Unhealthy, ServiceStatus.Unhealthy, ServiceStatus.Unhealthy)]
    public void Split_views_are_degraded_and_no_healthy_view_is_unhealthy(ServiceStatus a, ServiceStatus b, ServiceStatus expected)
    {
        var health = InfrastructureHealth.From("marketdata-bus", "bus",
        [
            Engine(EngineCatalog.Risk, ServiceStatus.Unhealthy, ("marketdata-bus", a)),
            Engine(EngineCatalog.Vpin, ServiceStatus.Unhealthy, ("marketdata-bus", b)),
        ]);
        Assert.Equal(expected, health.Status);
    }

    [Fact]
    public void With_no_engine_reporting_the_state_is_unknown_not_healthy()
    {
        var health = InfrastructureHealth.From("postgres", "db", [Engine(EngineCatalog.Risk, ServiceStatus.Unreachable)]);
        Assert.Equal(ServiceStatus.Unknown, health.Status);
        Assert.Equal(1, health.Users);
    }

    [Fact]
    public async Task Reads_the_health_json_that_services_write_through_the_one_type_they_write_it_with()
    {
        using var body = new MemoryStream("""
            {"status":"Degraded","engine":"risk-engine","version":"0.1.0","uptime":"0.00:01:00","uptimeSeconds":60,"totalDurationMs":2.5,
             "storage":"timescaledb","dependencies":{"postgres":{"status":"Healthy","description":"ok","durationMs":1,"data":{"migrations":"4 applied"}},
             "marketdata-bus":{"status":"Unhealthy","description":null,"durationMs":2}}}
            """u8.ToArray());
        var report = await Microsoft.Extensions.Hosting.HealthResponse.ReadAsync(body);
        var health = EngineHealth.From(EngineCatalog.Risk, report, 3, DateTimeOffset.UnixEpoch, null);

        Assert.Equal(ServiceStatus.Degraded, health.Status);
        Assert.Equal("0.1.0", health.Version);
        Assert.Equal("0.00:01:00", health.Uptime);
        Assert.Equal("timescaledb", health.Storage);
        Assert.Equal(ServiceStatus.Unhealthy, health.Dependencies["marketdata-bus"].Status);
        Assert.Equal("ok", health.Dependencies["postgres"].Description);
        Assert.Equal("4 applied", report.Dependencies["postgres"].Data!["migrations"]!.ToString());
    }

    [Fact]
    public void An_unrecognised_status_is_unknown() => Assert.Equal(ServiceStatus.Unknown, EngineHealth.StatusOf("Sleepy"));

    [Fact]
    public void The_port_shown_is_the_one_service_discovery_gives_else_the_default()
    {
        Assert.Equal(28200, EngineHealth.Pending(EngineCatalog.Risk, "http://localhost:28200").Port);
        Assert.Equal(8200, EngineHealth.Pending(EngineCatalog.Risk, null).Port);
        Assert.Equal("http://localhost:28200/docs", EngineHealth.Pending(EngineCatalog.Risk, "http://localhost:28200/").DocsUrl);
    }
}
