using Microsoft.Extensions.Configuration;
using Nautilus.Platform;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>
/// The fixed port of every resource: the architecture's defaults, moved by <c>Nautilus:PortOffset</c> (tests use it
/// to run beside a developer's instance) or set one by one with <c>Nautilus:Ports:&lt;resource&gt;</c>.
/// </summary>
public sealed class PortPlan
{
    private readonly Dictionary<string, int> _ports;

    private PortPlan(Dictionary<string, int> ports) => _ports = ports;

    public static IReadOnlyDictionary<string, int> Defaults { get; } = new Dictionary<string, int>
    {
        [InfrastructureNames.PostgresServer] = InfrastructureNames.PostgresPort,
        [BusNames.MarketData] = InfrastructureNames.MarketDataBusPort,
        [BusNames.EngineLogic] = InfrastructureNames.EngineLogicBusPort,
        [InfrastructureNames.Web] = InfrastructureNames.WebPort,
    }.Concat(EngineCatalog.All.Select(e => KeyValuePair.Create(e.Name, e.DefaultPort))).ToDictionary();

    public int this[string resource] => _ports.TryGetValue(resource, out var port)
        ? port
        : throw new KeyNotFoundException($"No port is planned for resource '{resource}'.");

    public IReadOnlyDictionary<string, int> All => _ports;

    public static PortPlan From(IConfiguration configuration)
    {
        var offsetText = configuration["Nautilus:PortOffset"];
        var offset = 0;
        if (!string.IsNullOrWhiteSpace(offsetText) && !int.TryParse(offsetText, out offset))
        {
            throw new InfrastructureConfigurationException($"Nautilus:PortOffset is '{offsetText}'; it must be a whole number.");
        }

        var overrides = configuration.GetSection("Nautilus:Ports");
        foreach (var child in overrides.GetChildren())
        {
            if (!Defaults.ContainsKey(child.Key))
            {
                throw new InfrastructureConfigurationException(
                    $"Nautilus:Ports:{child.Key} names no resource; known: {string.Join(", ", Defaults.Keys.Order())}.");
            }
        }

        var ports = new Dictionary<string, int>();
        foreach (var (resource, defaultPort) in Defaults)
        {
            var text = overrides[resource];
            int port;
            if (string.IsNullOrWhiteSpace(text))
            {
                port = defaultPort + offset;
            }
            else if (!int.TryParse(text, out port))
            {
                throw new InfrastructureConfigurationException($"Nautilus:Ports:{resource} is '{text}'; it must be a port number.");
            }

            if (port is < 1 or > 65535)
            {
                throw new InfrastructureConfigurationException(
                    $"Port {port} for '{resource}' is outside 1-65535 (default {defaultPort}, offset {offset}).");
            }
            ports[resource] = port;
        }

        var clash = ports.GroupBy(p => p.Value).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InfrastructureConfigurationException(
                $"Port {clash.Key} is planned for more than one resource: {string.Join(", ", clash.Select(p => p.Key))}.");
        }

        return new PortPlan(ports);
    }
}
