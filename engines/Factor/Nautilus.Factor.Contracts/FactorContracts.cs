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

/// <summary>
/// <c>POST /api/factors/runs</c>: the factor model over the stored daily bars of <see cref="Symbols"/> from <see cref="From"/> to
/// <see cref="To"/> (a year of history before the first modelled day is needed: start a year earlier); sectors and shares
/// outstanding come from the instrument master. <see cref="MinAssets"/>: the smallest cross-section regressed.
/// <see cref="UserFactors"/>: extra styles, features of the Features engine over the same bars (<c>rsi(14)</c>,
/// <c>bb(20,2).bandwidth</c>), each named <c>feature:</c> and its key in the run.
/// </summary>
public sealed record FactorRunRequest(IReadOnlyList<string>? Symbols, DateOnly? From, DateOnly? To, int MinAssets = 10,
    IReadOnlyList<string>? UserFactors = null);

/// <summary>A stored run: its universe, the factors it estimated (market, sector:&lt;name&gt;, styles), the days modelled.</summary>
public sealed record FactorRunView(string Id, DateTimeOffset CreatedAt, IReadOnlyList<string> Symbols, DateOnly From, DateOnly To,
    IReadOnlyList<string> Factors, IReadOnlyList<string> Styles, string CapitalisationBasis, int Days, DateOnly? FirstDay,
    DateOnly? LastDay);

/// <summary>Daily factor returns, oldest first: one series per factor, aligned with <see cref="Dates"/>.</summary>
public sealed record FactorReturnSeries(IReadOnlyList<DateOnly> Dates, IReadOnlyDictionary<string, double[]> Factors);

/// <summary>One asset's standardised style exposures (in the run's style order), its sector and regression weight on a day.</summary>
public sealed record AssetExposure(string Symbol, string Sector, double Weight, IReadOnlyList<double> Styles);

public sealed record ExposuresView(DateOnly Date, IReadOnlyList<string> Styles, IReadOnlyList<AssetExposure> Assets);

/// <summary>The run's factor covariance (annualised), factors named in order.</summary>
public sealed record FactorCovarianceView(IReadOnlyList<string> Factors, double[][] Covariance, IReadOnlyList<double> Volatilities);

/// <summary>
/// <c>POST /api/factors/runs/{id}/risk</c>: a portfolio by weight per symbol, decomposed with the run's latest exposures, its
/// factor covariance and each asset's specific variance (EWMA of its specific returns, half-life in days).
/// </summary>
public sealed record PortfolioRiskRequest(IReadOnlyDictionary<string, double>? Weights, double HalfLife = 90, int NeweyWestLags = 0);
