using Microsoft.Extensions.Configuration;
using Nautilus.AppHost.Infrastructure;

namespace Nautilus.UnitTests.AppHost;

public class PortPlanTests
{
    private static PortPlan Plan(params (string Key, string Value)[] settings) =>
        PortPlan.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build());

    [Theory]
    [InlineData("postgres", 5432)]
    [InlineData("marketdata-bus", 6380)]
    [InlineData("engine-logic-bus", 6381)]
    [InlineData("analytics-engine", 8100)]
    [InlineData("backtesting-engine", 8110)]
    [InlineData("risk-engine", 8200)]
    [InlineData("factor-engine", 8300)]
    [InlineData("ml-engine", 8400)]
    [InlineData("features-engine", 8500)]
    [InlineData("websocket-engine", 8600)]
    [InlineData("strategy-engine", 8700)]
    [InlineData("marketdata-engine", 8800)]
    [InlineData("portfolio-engine", 8900)]
    [InlineData("collateral-engine", 9000)]
    [InlineData("execution-engine", 9500)]
    [InlineData("vpin-engine", 10000)]
    [InlineData("web", 5000)]
    public void Defaults_are_the_architecture_ports(string resource, int port) => Assert.Equal(port, Plan()[resource]);

    [Fact]
    public void An_offset_moves_every_port()
    {
        var plan = Plan(("Nautilus:PortOffset", "20000"));
        Assert.All(PortPlan.Defaults, d => Assert.Equal(d.Value + 20000, plan[d.Key]));
    }

    [Fact]
    public void A_single_port_can_be_overridden_beside_the_offset()
    {
        var plan = Plan(("Nautilus:PortOffset", "100"), ("Nautilus:Ports:risk-engine", "18200"));
        Assert.Equal(18200, plan["risk-engine"]);
        Assert.Equal(10100, plan["vpin-engine"]);
    }

    [Theory]
    [InlineData("Nautilus:PortOffset", "ten", "whole number")]
    [InlineData("Nautilus:Ports:risk-engine", "port", "Nautilus:Ports:risk-engine")]
    [InlineData("Nautilus:Ports:risk-engine", "70000", "outside 1-65535")]
    [InlineData("Nautilus:Ports:rsik-engine", "8201", "names no resource")]
    [InlineData("Nautilus:Ports:risk-engine", "8100", "more than one resource")]
    public void Bad_port_settings_are_errors_that_say_what_is_wrong(string key, string value, string expected)
    {
        var error = Assert.Throws<InfrastructureConfigurationException>(() => Plan((key, value)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_offset_that_pushes_a_port_past_65535_is_refused()
    {
        var error = Assert.Throws<InfrastructureConfigurationException>(() => Plan(("Nautilus:PortOffset", "60000")));
        Assert.Contains("outside 1-65535", error.Message);
        Assert.Contains("offset 60000", error.Message);
    }
}
