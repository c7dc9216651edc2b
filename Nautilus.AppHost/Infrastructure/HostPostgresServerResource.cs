namespace Nautilus.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL run as a host process (see <c>postgres-host.sh</c>). Its connection string has the same shape as the
/// container's, so engines cannot tell the modes apart.
/// </summary>
public sealed class HostPostgresServerResource(string name, string workingDirectory, int port, ParameterResource password)
    : ExecutableResource(name, "bash", workingDirectory), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public int Port { get; } = port;

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={Port.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username={UserName};Password={Password}");
}
