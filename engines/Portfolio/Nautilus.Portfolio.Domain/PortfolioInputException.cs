namespace Nautilus.Portfolio.Domain;

/// <summary>Inputs a calculation cannot use, naming the field (as the HTTP request calls it) and the problem.</summary>
public sealed class PortfolioInputException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
