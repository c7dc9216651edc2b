namespace Nautilus.Collateral.Domain.Margin;

/// <summary>
/// An equity option's terms: call or put, strike, years to expiry, implied volatility and contract multiplier (100 shares for a
/// listed US equity option). Its underlying is the position's <see cref="MarginPosition.Underlying"/>.
/// </summary>
public sealed record MarginOption(OptionRight Right, double Strike, double ExpiryYears, double Volatility, double Multiplier = 100);

public enum OptionRight
{
    Call,
    Put,
}

/// <summary>
/// A position to margin: signed quantity (shares, or option contracts), price (per share; per option share for an option), the
/// underlying and its price (the instrument itself for a stock), the option terms when it is one, and its SIMM equity bucket (1–12,
/// or null: residual).
/// </summary>
public sealed record MarginPosition(string Instrument, double Quantity, double Price, string Underlying, double UnderlyingPrice,
    MarginOption? Option = null, int? SimmBucket = null)
{
    public static MarginPosition Stock(string symbol, double quantity, double price, int? bucket = null) =>
        new(symbol, quantity, price, symbol, price, null, bucket);

    /// <summary>Market value: quantity × price (× multiplier for options).</summary>
    public double MarketValue => Quantity * Price * (Option?.Multiplier ?? 1);
}

/// <summary>A position's share of the requirement (models that do not split it give each underlying's or 0).</summary>
public sealed record PositionMargin(string Instrument, double Initial, double Maintenance);

/// <summary>What a model requires of a portfolio: initial and maintenance margin and how they split.</summary>
public sealed record MarginRequirement(string Model, double Initial, double Maintenance, IReadOnlyList<PositionMargin> Positions);

/// <summary>
/// A margin model (LEAN's buying-power model is the pattern: one interface, the account's model chosen per account): what a set of
/// positions requires.
/// </summary>
public interface IMarginModel
{
    string Name { get; }

    MarginRequirement Requirement(IReadOnlyList<MarginPosition> positions);
}
