namespace Nautilus.AppHost.Infrastructure;

/// <summary>A database on the host-mode server; created when the server first answers.</summary>
public sealed class HostPostgresDatabaseResource(string name, string databaseName, HostPostgresServerResource parent)
    : Resource(name), IResourceWithParent<HostPostgresServerResource>, IResourceWithConnectionString
{
    public HostPostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
