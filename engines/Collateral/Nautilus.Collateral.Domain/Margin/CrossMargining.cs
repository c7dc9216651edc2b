namespace Nautilus.Collateral.Domain.Margin;

/// <summary>Books margined apart and together: the benefit is Σ standalone requirements − the combined requirement.</summary>
public sealed record CrossMarginResult(string Model, IReadOnlyList<double> Standalone, double Combined, double Benefit);

public static class CrossMargining
{
    public static CrossMarginResult Calculate(IMarginModel model, IReadOnlyList<IReadOnlyList<MarginPosition>> books)
    {
        var standalone = books.Select(b => model.Requirement(b).Initial).ToArray();
        var combined = model.Requirement([.. books.SelectMany(b => b)]).Initial;
        return new CrossMarginResult(model.Name, standalone, combined, standalone.Sum() - combined);
    }
}
