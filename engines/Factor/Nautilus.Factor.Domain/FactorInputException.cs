namespace Nautilus.Factor.Domain;

/// <summary>Inputs the factor model cannot use, naming the field (as the HTTP request calls it) and the problem.</summary>
public sealed class FactorInputException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
