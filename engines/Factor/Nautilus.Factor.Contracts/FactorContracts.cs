namespace Nautilus.Factor.Contracts;

/// <summary>
/// <c>POST /api/factors/regress</c>: one day's cross-section. <see cref="Exposures"/> is assets × style factors (already
/// standardised), <see cref="Sectors"/> a sector name per asset, <see cref="Weights"/> the regression weights (√market cap in
/// a Barra model; equal when omitted).
/// </summary>
public sealed record RegressRequest(double[]? Returns, double[][]? Exposures, string[]? Sectors, double[]? Weights = null);

/// <summary>
/// Factor returns: the market, each sector (summing to zero), each style in the order of the exposures' columns; each
/// asset's residual (specific) return; the weighted R².
/// </summary>
public sealed record RegressResponse(double Market, IReadOnlyDictionary<string, double> Sectors, IReadOnlyList<double> Styles,
    IReadOnlyList<double> Residuals, double RSquared);

/// <summary>
/// <c>POST /api/factors/covariance</c>: days of factor returns (oldest first, one column per factor), weighted with the
/// half-life in days, with optional Newey-West lags; annualised (× 252).
/// </summary>
public sealed record FactorCovarianceRequest(double[][]? FactorReturns, double HalfLife = 90, int NeweyWestLags = 0);

public sealed record FactorCovarianceResponse(double[][] Covariance, IReadOnlyList<double> Volatilities);

/// <summary>
/// <c>POST /api/factors/risk</c>: a portfolio's <see cref="Weights"/>, its assets' <see cref="Exposures"/> (assets × factors, the
/// market and sectors included if the covariance has them), the factor covariance and each asset's specific variance
/// (annualised).
/// </summary>
public sealed record RiskDecompositionRequest(double[]? Weights, double[][]? Exposures, double[][]? FactorCovariance,
    double[]? SpecificVariances, IReadOnlyList<string>? FactorNames = null);

/// <summary>Total, factor and specific variance; the portfolio's exposures and each factor's share of the variance (Euler).</summary>
public sealed record RiskDecompositionResponse(double Volatility, double TotalVariance, double FactorVariance, double SpecificVariance,
    IReadOnlyList<FactorRiskShare> Factors, double SpecificShare);

public sealed record FactorRiskShare(string Factor, double Exposure, double Share);
