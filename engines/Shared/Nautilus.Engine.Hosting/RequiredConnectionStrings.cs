using Microsoft.Extensions.Configuration;
using Nautilus.Platform;

namespace Nautilus.Engine.Hosting;

/// <summary>The connection strings an engine needs: the database and each bus its message types travel on.</summary>
public static class RequiredConnectionStrings
{
    public static IReadOnlyList<string> For(EngineDescriptor engine) =>
        [InfrastructureNames.Database, .. engine.Buses.Select(BusNames.Of)];

    /// <summary>Fails at once, naming every missing one, rather than letting the first query fail minutes later.</summary>
    public static void EnsurePresent(IConfiguration configuration, EngineDescriptor engine)
    {
        var missing = For(engine).Where(name => string.IsNullOrWhiteSpace(configuration.GetConnectionString(name))).ToArray();
        if (missing.Length > 0)
        {
            throw new MissingConnectionStringException(engine.Name, missing);
        }
    }
}
