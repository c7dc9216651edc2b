namespace Nautilus.Collateral.Domain.Margin;

/// <summary>
/// ISDA SIMM v2.6 equity delta parameters (ISDA SIMM Methodology, version 2.6, effective 2 December 2023): risk weights per bucket
/// (1–12, residual), intra-bucket correlations ρ, inter-bucket correlations γ and delta concentration thresholds (USD millions per
/// %). Bucket 1–4 emerging large cap, 5–8 developed large cap, 9 emerging small cap, 10 developed small cap, 11 indexes, funds and
/// ETFs, 12 volatility indexes.
/// </summary>
public static class SimmEquityParameters
{
    public const string Version = "ISDA SIMM v2.6";

    public const int Buckets = 12;

    /// <summary>Risk weights of buckets 1–12; the residual bucket's is <see cref="ResidualRiskWeight"/>.</summary>
    public static readonly double[] RiskWeights = [30, 33, 36, 29, 26, 25, 34, 28, 36, 50, 19, 19];

    public const double ResidualRiskWeight = 50;

    public static readonly double[] IntraBucketCorrelations = [0.18, 0.20, 0.28, 0.24, 0.25, 0.36, 0.35, 0.37, 0.23, 0.27, 0.45, 0.45];

    public const double ResidualCorrelation = 0;

    public static readonly double[] ConcentrationThresholds = [3, 3, 3, 3, 12, 12, 12, 12, 0.64, 0.37, 810, 810];

    public const double ResidualConcentrationThreshold = 0.37;

    public static readonly double[,] InterBucketCorrelations =
    {
        { 1.00, 0.18, 0.19, 0.19, 0.14, 0.16, 0.15, 0.16, 0.18, 0.12, 0.19, 0.19 },
        { 0.18, 1.00, 0.22, 0.21, 0.15, 0.18, 0.17, 0.19, 0.20, 0.14, 0.21, 0.21 },
        { 0.19, 0.22, 1.00, 0.22, 0.13, 0.16, 0.18, 0.17, 0.22, 0.13, 0.20, 0.20 },
        { 0.19, 0.21, 0.22, 1.00, 0.17, 0.22, 0.22, 0.23, 0.22, 0.17, 0.26, 0.26 },
        { 0.14, 0.15, 0.13, 0.17, 1.00, 0.29, 0.26, 0.29, 0.14, 0.24, 0.32, 0.32 },
        { 0.16, 0.18, 0.16, 0.22, 0.29, 1.00, 0.34, 0.36, 0.17, 0.30, 0.39, 0.39 },
        { 0.15, 0.17, 0.18, 0.22, 0.26, 0.34, 1.00, 0.33, 0.16, 0.28, 0.36, 0.36 },
        { 0.16, 0.19, 0.17, 0.23, 0.29, 0.36, 0.33, 1.00, 0.17, 0.29, 0.40, 0.40 },
        { 0.18, 0.20, 0.22, 0.22, 0.14, 0.17, 0.16, 0.17, 1.00, 0.13, 0.21, 0.21 },
        { 0.12, 0.14, 0.13, 0.17, 0.24, 0.30, 0.28, 0.29, 0.13, 1.00, 0.30, 0.30 },
        { 0.19, 0.21, 0.20, 0.26, 0.32, 0.39, 0.36, 0.40, 0.21, 0.30, 1.00, 0.45 },
        { 0.19, 0.21, 0.20, 0.26, 0.32, 0.39, 0.36, 0.40, 0.21, 0.30, 0.45, 1.00 },
    };
}
