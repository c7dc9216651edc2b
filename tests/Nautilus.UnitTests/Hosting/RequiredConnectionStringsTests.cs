using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Nautilus.Engine.Hosting;
using Nautilus.Platform;

namespace Nautilus.UnitTests.Hosting;

public class RequiredConnectionStringsTests
{
    private static IConfiguration Config(params string[] present) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(present.Select(name => KeyValuePair.Create($"ConnectionStrings:{name}", (string?)"Host=x")))
            .Build();

    [Fact]
    public void An_engine_needs_the_database_and_the_buses_of_its_messages()
    {
        Assert.Equal(["nautilus", "marketdata-bus", "engine-logic-bus"], RequiredConnectionStrings.For(EngineCatalog.Risk));
        Assert.Equal(["nautilus", "engine-logic-bus"], RequiredConnectionStrings.For(EngineCatalog.Ml));
    }

    [Fact]
    public void All_present_passes() =>
        RequiredConnectionStrings.EnsurePresent(Config("nautilus", "marketdata-bus", "engine-logic-bus"), EngineCatalog.Vpin);

    [Fact]
    public void Every_missing_one_is_named_with_the_engine()
    {
        var error = Assert.Throws<MissingConnectionStringException>(() =>
            RequiredConnectionStrings.EnsurePresent(Config("engine-logic-bus"), EngineCatalog.Vpin));

        Assert.Equal("vpin-engine", error.Engine);
        Assert.Equal(["nautilus", "marketdata-bus"], error.Missing);
        Assert.StartsWith("vpin-engine cannot start", error.Message);
        Assert.Contains("'nautilus' (ConnectionStrings:nautilus)", error.Message);
        Assert.Contains("'marketdata-bus'", error.Message);
        Assert.DoesNotContain("'engine-logic-bus'", error.Message);
    }

    [Fact]
    public void An_engine_host_without_connection_strings_stops_before_building()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        foreach (var key in RequiredConnectionStrings.For(EngineCatalog.Risk))
        {
            builder.Configuration[$"ConnectionStrings:{key}"] = "";
        }

        var error = Assert.Throws<MissingConnectionStringException>(() => builder.AddEngine(EngineCatalog.Risk));
        Assert.Equal(3, error.Missing.Count);
    }
}
