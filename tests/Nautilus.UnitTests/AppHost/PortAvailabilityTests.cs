using System.Net;
using System.Net.Sockets;
using Nautilus.AppHost.Infrastructure;

namespace Nautilus.UnitTests.AppHost;

public class PortAvailabilityTests
{
    [Fact]
    public void A_port_held_by_a_listener_fails_with_its_number_and_resource()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = Assert.Throws<PortInUseException>(() =>
            PortAvailability.EnsureFree([KeyValuePair.Create("marketdata-bus", port)]));

        Assert.Equal(port, error.Port);
        Assert.Equal("marketdata-bus", error.Resource);
        Assert.Contains($"Port {port}", error.Message);
        Assert.Contains("'marketdata-bus'", error.Message);
    }

    [Fact]
    public void A_port_released_by_its_listener_is_free_again()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Assert.False(PortAvailability.IsFree(port));
        listener.Stop();
        Assert.True(PortAvailability.IsFree(port));
    }
}
