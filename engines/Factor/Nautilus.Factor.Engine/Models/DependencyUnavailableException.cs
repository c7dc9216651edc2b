namespace Nautilus.Factor.Engine.Models;

/// <summary>An engine a run reads from did not answer; the API answers 503 naming it.</summary>
public sealed class DependencyUnavailableException(string dependency, string detail) : Exception(detail)
{
    public string Dependency { get; } = dependency;
}
