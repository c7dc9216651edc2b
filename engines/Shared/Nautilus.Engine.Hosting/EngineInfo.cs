namespace Nautilus.Engine.Hosting;

/// <summary>What <c>/api/info</c> answers: who this engine is, where it listens and what it sends and hears.</summary>
public sealed record EngineInfo(
    string Name,
    string DisplayName,
    string Version,
    int Port,
    string Owns,
    IReadOnlyList<string> Buses,
    IReadOnlyList<string> Publishes,
    IReadOnlyList<string> Consumes);
