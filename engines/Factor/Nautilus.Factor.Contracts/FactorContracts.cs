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
