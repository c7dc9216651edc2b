namespace Nautilus.Engine.Hosting;

/// <summary>An engine was started without a connection string it cannot work without.</summary>
public sealed class MissingConnectionStringException(string engine, IReadOnlyList<string> missing)
    : InvalidOperationException(
        $"{engine} cannot start: missing connection string{(missing.Count > 1 ? "s" : "")} " +
        string.Join(", ", missing.Select(m => $"'{m}' (ConnectionStrings:{m})")) +
        ". Start it through Nautilus.AppHost, or set them in configuration or the environment " +
        $"(e.g. ConnectionStrings__{missing[0]}).")
{
    public string Engine { get; } = engine;
    public IReadOnlyList<string> Missing { get; } = missing;
}
