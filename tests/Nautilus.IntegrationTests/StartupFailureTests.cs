using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nautilus.AppHost.Infrastructure;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>Misconfiguration stops things at once, with a message that names what is wrong.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task An_engine_without_its_connection_strings_exits_at_once_naming_them()
    {
        var project = new Projects.Nautilus_Risk_Engine().ProjectPath;
        var clock = Stopwatch.StartNew();

        var result = await ProcessRunner.RunAsync("dotnet", ["run", "--project", project, "--no-build", "--no-launch-profile"],
            RepositoryPaths.Root, TimeSpan.FromSeconds(60), removeEnvironment: ["ConnectionStrings__", "ConnectionStrings:"]);

        Assert.NotEqual(0, result.ExitCode);
        var said = result.Output + result.Error;
        Assert.Contains("risk-engine cannot start", said);
        Assert.Contains("'nautilus' (ConnectionStrings:nautilus)", said);
        Assert.Contains("'marketdata-bus'", said);
        Assert.Contains("'engine-logic-bus'", said);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Host_mode_with_a_port_in_use_fails_naming_the_port_and_the_resource()
    {
        const int offset = 21000;
        using var squatter = new TcpListener(IPAddress.Loopback, InfrastructureNames.MarketDataBusPort + offset);
        squatter.Start();

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Nautilus_AppHost>(
                ["Nautilus:Infrastructure=host", $"Nautilus:PortOffset={offset}",
                 $"Nautilus:StateDirectory={Path.Combine(Path.GetTempPath(), "nautilus-port-test")}"]);
        });

        var portError = Unwrap(error).OfType<PortInUseException>().FirstOrDefault();
        Assert.True(portError is not null, $"expected a PortInUseException, got: {error}");
        Assert.Equal(BusNames.MarketData, portError.Resource);
        Assert.Equal(InfrastructureNames.MarketDataBusPort + offset, portError.Port);
        Assert.Contains($"Port {InfrastructureNames.MarketDataBusPort + offset} needed by '{BusNames.MarketData}'", portError.Message);
    }

    [Fact]
    public async Task A_bad_infrastructure_mode_fails_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Nautilus_AppHost>(
                ["Nautilus:Infrastructure=vms"]);
        });
        var modeError = Unwrap(error).OfType<InfrastructureConfigurationException>().FirstOrDefault();
        Assert.True(modeError is not null, $"expected an InfrastructureConfigurationException, got: {error}");
        Assert.Contains("Nautilus:Infrastructure is 'vms'", modeError.Message);
    }

    private static IEnumerable<Exception> Unwrap(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrap))
                {
                    yield return inner;
                }
            }
        }
    }
}
