namespace Nautilus.AppHost.Infrastructure;

/// <summary>The platform cannot start as configured; the message says what to change.</summary>
public class InfrastructureConfigurationException(string message) : Exception(message);

/// <summary>A fixed port the platform needs is held by another process.</summary>
public sealed class PortInUseException(string resource, int port)
    : InfrastructureConfigurationException(
        $"Port {port} needed by '{resource}' is already in use. Stop whatever holds it (`ss -ltnp 'sport = :{port}'` " +
        $"shows it; an earlier Nautilus run?), or move the platform with Nautilus:PortOffset or Nautilus:Ports:{resource}.")
{
    public string Resource { get; } = resource;
    public int Port { get; } = port;
}
