namespace Nautilus.Collateral.Contracts;

/// <summary>An option position's terms: <c>call</c>/<c>put</c>, strike, years to expiry, implied σ, contract multiplier (100).</summary>
public sealed record MarginOptionInput(string? Type, double? Strike, double? ExpiryYears, double? Volatility, double Multiplier = 100);

/// <summary>
/// A position: instrument, signed quantity (shares or contracts), price (per share), its underlying and the underlying's price (the
/// instrument itself for a stock), the option terms for an option, the SIMM equity bucket (1–12; none: residual).
/// </summary>
public sealed record MarginPositionInput(string? Instrument, double? Quantity, double? Price, string? Underlying, double? UnderlyingPrice,
    MarginOptionInput? Option, int? Bucket);

/// <summary>
/// <c>POST /api/collateral/margin</c>: positions margined by <see cref="Model"/> (<c>reg-t</c>, <c>portfolio</c>,
/// <c>simm-equity-delta</c>); with <see cref="Equity"/> the utilisation too.
/// </summary>
public sealed record MarginRequest(string? Model, IReadOnlyList<MarginPositionInput>? Positions, double? Equity);

public sealed record PositionMarginView(string Instrument, double Initial, double Maintenance);

/// <summary>Initial and maintenance requirement, its split, and maintenance ÷ equity when equity was given.</summary>
public sealed record MarginResponse(string Model, double Initial, double Maintenance, IReadOnlyList<PositionMarginView> Positions,
    double? Utilisation);

/// <summary><c>POST /api/collateral/cross-margin</c>: books margined apart and together by one model.</summary>
public sealed record CrossMarginRequest(string? Model, IReadOnlyList<IReadOnlyList<MarginPositionInput>>? Books);

/// <summary>Benefit = Σ standalone − combined (initial requirements).</summary>
public sealed record CrossMarginResponse(string Model, IReadOnlyList<double> Standalone, double Combined, double Benefit);

/// <summary>An equity delta: issuer, SIMM bucket (1–12; none: residual), USD change for a 1 % rise.</summary>
public sealed record EquitySensitivityInput(string? Issuer, int? Bucket, double? Delta);

/// <summary><c>POST /api/collateral/simm</c>: SIMM equity delta margin of sensitivities.</summary>
public sealed record SimmRequest(IReadOnlyList<EquitySensitivityInput>? Sensitivities);

public sealed record SimmBucketView(string Bucket, double Margin, double BoundedSum, double WeightedSum);

public sealed record SimmResponse(string Version, double DeltaMargin, IReadOnlyList<SimmBucketView> Buckets);

/// <summary>
/// <c>POST /api/collateral/forecast</c>: utilisation projected minute by minute over <see cref="HorizonMinutes"/> from each
/// underlying's volatility per √minute, at <see cref="Quantile"/> (0.99: a move that 99 % of the time is not exceeded).
/// </summary>
public sealed record ForecastRequest(string? Model, IReadOnlyList<MarginPositionInput>? Positions, double? Equity,
    IReadOnlyDictionary<string, double>? Volatilities, int HorizonMinutes = 60, double Quantile = 0.99);

public sealed record ForecastPoint(int Minute, double Equity, double Requirement, double Utilisation);

/// <summary>The path and, when utilisation reaches 1, the minute it does: the margin call's lead time.</summary>
public sealed record ForecastResponse(string Model, double Quantile, IReadOnlyList<ForecastPoint> Path, int? CallInMinutes);
