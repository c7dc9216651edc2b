using System.Reflection;

namespace Microsoft.Extensions.Hosting;

/// <summary>The running service's version (the entry assembly's informational version, without the commit suffix).</summary>
public static class ServiceVersion
{
    public static string Current { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0]
        ?? "unknown";
}
