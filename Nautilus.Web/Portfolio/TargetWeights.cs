using System.Globalization;

namespace Nautilus.Web.Portfolio;

/// <summary>Target weights as an operator types them: <c>SPY=0.6, TLT=0.4</c>.</summary>
public static class TargetWeights
{
    /// <summary>Symbol → weight; throws <see cref="FormatException"/> naming the part it cannot read.</summary>
    public static Dictionary<string, double> Parse(string? text)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces is not [{ Length: > 0 } symbol, var w] ||
                !double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"'{part}' is not SYMBOL=weight");
            }

            weights[symbol.ToUpperInvariant()] = weight;
        }

        return weights;
    }

    public static string Format(IReadOnlyDictionary<string, double> weights) =>
        string.Join(", ", weights.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Key}={w.Value:0.####}")));
}
