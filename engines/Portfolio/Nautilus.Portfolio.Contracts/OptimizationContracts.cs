using System.Text.Json;

namespace Nautilus.Portfolio.Contracts;

/// <summary>
/// <c>POST /api/portfolio/optimize</c>: the assets and either <see cref="Prices"/> (rows of daily prices, oldest first,
/// <c>null</c> where missing) or <see cref="Mu"/> and <see cref="Covariance"/> (annualised).
/// </summary>
/// <param name="Objective"><c>min-volatility</c>, <c>max-sharpe</c> (default), <c>efficient-risk</c>
/// (<see cref="TargetVolatility"/>), <c>efficient-return</c> (<see cref="TargetReturn"/>), <c>cla-max-sharpe</c>,
/// <c>cla-min-volatility</c>, <c>erc</c>, <c>hrp</c> or <c>black-litterman</c> (<see cref="Views"/>).</param>
/// <param name="Bounds"><c>[lower, upper]</c> for every asset or <c>[[lower, upper], ..]</c> one per asset; <c>null</c> for an
/// open side. Default <c>[0, 1]</c>, or <c>[-1, 1]</c> when market-neutral.</param>
/// <param name="CovarianceMethod"><c>sample</c> (default, pairwise-complete), <c>ledoit-wolf</c> or <c>ewma</c>.</param>
/// <param name="ExpectedReturns"><c>mean-historical</c> (default, compounded), <c>ema</c> or <c>capm</c>.</param>
/// <param name="Linkage">HRP's linkage: <c>single</c> (default), <c>complete</c>, <c>average</c>, <c>weighted</c> or
/// <c>ward</c>.</param>
/// <param name="MarketCaps">Black-Litterman's prior is implied from these (δΣw_mkt); without them it is the expected returns.</param>
/// <param name="Sectors">Asset → sector, for <see cref="SectorLimits"/>.</param>
/// <param name="CurrentWeights">Asset → weight now, for <see cref="MaxTurnover"/> (Σ|w − current|).</param>
/// <param name="FrontierPoints">When 2 or more, the efficient frontier is returned with that many points.</param>
public sealed record OptimizeRequest(
    IReadOnlyList<string>? Assets,
    double?[][]? Prices = null,
    double[]? Mu = null,
    double[][]? Covariance = null,
    string Objective = "max-sharpe",
    double? TargetVolatility = null,
    double? TargetReturn = null,
    double RiskFree = 0.02,
    JsonElement? Bounds = null,
    bool MarketNeutral = false,
    string CovarianceMethod = "sample",
    string ExpectedReturns = "mean-historical",
    string Linkage = "single",
    IReadOnlyList<PortfolioView>? Views = null,
    IReadOnlyDictionary<string, double>? MarketCaps = null,
    double RiskAversion = 1,
    double Tau = 0.05,
    IReadOnlyDictionary<string, string>? Sectors = null,
    IReadOnlyList<SectorLimitEntry>? SectorLimits = null,
    IReadOnlyDictionary<string, double>? CurrentWeights = null,
    double? MaxTurnover = null,
    int FrontierPoints = 0);

/// <summary>A Black-Litterman view: the portfolio <see cref="Assets"/> (asset → weight; one asset at 1 is an absolute view,
/// +1 and −1 "A beats B") returns <see cref="Return"/> a year; <see cref="Variance"/> its uncertainty (default τ p'Σp).</summary>
public sealed record PortfolioView(IReadOnlyDictionary<string, double>? Assets, double Return, double? Variance = null);

public sealed record SectorLimitEntry(string Sector, double? Min = null, double? Max = null);

/// <summary>
/// The weights and their performance with PyPortfolioOpt's conventions (annualised, 252 periods; Sharpe over
/// <c>riskFree</c>); <see cref="ExpectedReturn"/> and <see cref="Sharpe"/> are null when no expected returns were given or
/// estimated (HRP on a covariance alone). <see cref="Exact"/>: the solver's active-set polish found the optimum exactly.
/// </summary>
public sealed record OptimizeResponse(
    IReadOnlyDictionary<string, double> Weights,
    double? ExpectedReturn,
    double Volatility,
    double? Sharpe,
    string Objective,
    string Method,
    bool Exact,
    IReadOnlyDictionary<string, double> RiskContributions,
    IReadOnlyDictionary<string, double>? ExpectedReturns = null,
    IReadOnlyList<FrontierPoint>? Frontier = null);

public sealed record FrontierPoint(double ExpectedReturn, double Volatility, double Sharpe);
