using System.Net;
using System.Net.Sockets;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Checks before anything starts that every fixed port is free, so a clash names its port and resource.</summary>
public static class PortAvailability
{
    public static void EnsureFree(IEnumerable<KeyValuePair<string, int>> ports)
    {
        foreach (var (resource, port) in ports)
        {
            if (!IsFree(port))
            {
                throw new PortInUseException(resource, port);
            }
        }
    }

    public static bool IsFree(int port)
    {
        // Servers here bind 127.0.0.1 or all interfaces; a listener on either blocks us.
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.Any })
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            // As servers do: connections of a stopped run lingering in TIME_WAIT must not count as "in use".
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                socket.Bind(new IPEndPoint(address, port));
            }
            catch (SocketException)
            {
                return false;
            }
        }
        return true;
    }
}
