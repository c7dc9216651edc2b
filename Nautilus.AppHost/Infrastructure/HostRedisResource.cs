namespace Nautilus.AppHost.Infrastructure;

/// <summary>A bus run as a host <c>redis-server</c>, configured by a file in the state folder.</summary>
public sealed class HostRedisResource(string name, string workingDirectory, int port, ParameterResource password)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)},password={Password}");
}
