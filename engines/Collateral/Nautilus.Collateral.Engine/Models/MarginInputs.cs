using Nautilus.Collateral.Contracts;
using Nautilus.Collateral.Domain.Margin;

namespace Nautilus.Collateral.Engine.Models;

/// <summary>Margin requests to positions and models, every field checked and each fault named.</summary>
public static class MarginInputs
{
    public const int MaxPositions = 1_000_000;

    /// <summary>The models by the name requests use.</summary>
    public static readonly IReadOnlyDictionary<string, IMarginModel> Models =
        new Dictionary<string, IMarginModel>(StringComparer.OrdinalIgnoreCase)
        {
            ["reg-t"] = new RegTMarginModel(),
            ["portfolio"] = new PortfolioMarginModel(),
            ["simm-equity-delta"] = new SimmEquityMarginModel(),
        };

    public static IMarginModel? Model(string? name, string field, InputProblems problems)
    {
        if (Models.TryGetValue(name ?? "reg-t", out var model))
        {
            return model;
        }

        problems.Add(field, "one of " + string.Join(", ", Models.Keys));
        return null;
    }

    public static IReadOnlyList<MarginPosition> Positions(IReadOnlyList<MarginPositionInput>? positions, string field,
        InputProblems problems)
    {
        if (positions is null)
        {
            problems.Add(field, "the positions (may be empty)");
            return [];
        }

        if (positions.Count > MaxPositions)
        {
            problems.Add(field, $"at most {MaxPositions:N0} positions");
            return [];
        }

        var parsed = new MarginPosition[positions.Count];
        for (var i = 0; i < positions.Count; i++)
        {
            parsed[i] = Position(positions[i], $"{field}[{i}]", problems);
        }

        return parsed;
    }

    private static MarginPosition Position(MarginPositionInput p, string at, InputProblems problems)
    {
        if (string.IsNullOrWhiteSpace(p.Instrument))
        {
            problems.Add($"{at}.instrument", "is required");
        }

        var quantity = problems.Number(p.Quantity, $"{at}.quantity");
        var price = problems.Number(p.Price, $"{at}.price", 0);
        if (p.Bucket is < 1 or > SimmEquityParameters.Buckets)
        {
            problems.Add($"{at}.bucket", "a SIMM equity bucket, 1 to 12 (none: residual)");
        }

        var instrument = p.Instrument ?? "";
        if (p.Option is not { } o)
        {
            return new MarginPosition(instrument, quantity, price, p.Underlying ?? instrument,
                p.UnderlyingPrice is { } u ? problems.Number(u, $"{at}.underlyingPrice", 0, exclusiveMin: true) : price, null, p.Bucket);
        }

        var right = o.Type?.ToLowerInvariant() switch
        {
            "call" => OptionRight.Call,
            "put" => OptionRight.Put,
            _ => (OptionRight?)null,
        };
        if (right is null)
        {
            problems.Add($"{at}.option.type", "call or put");
        }

        if (string.IsNullOrWhiteSpace(p.Underlying))
        {
            problems.Add($"{at}.underlying", "an option names its underlying");
        }

        var option = new MarginOption(right ?? OptionRight.Call,
            problems.Number(o.Strike, $"{at}.option.strike", 0, exclusiveMin: true),
            problems.Number(o.ExpiryYears, $"{at}.option.expiryYears", 0),
            problems.Number(o.Volatility, $"{at}.option.volatility", 0, 10, exclusiveMin: true,
                problem: "an option needs its implied volatility (0.3 = 30 %), above 0"),
            problems.Number(o.Multiplier, $"{at}.option.multiplier", 0, exclusiveMin: true));
        return new MarginPosition(instrument, quantity, price, p.Underlying ?? "",
            problems.Number(p.UnderlyingPrice, $"{at}.underlyingPrice", 0, exclusiveMin: true), option, p.Bucket);
    }
}
