using MathNet.Numerics.Distributions;

namespace Nautilus.Risk.Domain.Statistics;

/// <summary>The standard normal and the χ² tails the risk library needs (MathNet.Numerics underneath).</summary>
public static class NormalDistribution
{
    public static double Pdf(double x) => Normal.PDF(0, 1, x);

    public static double Cdf(double x) => Normal.CDF(0, 1, x);

    /// <summary>The quantile: <c>Quantile(0.99)</c> = 2.326348.</summary>
    public static double Quantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>P(X ≥ x) for X ~ χ²(k): the p-value of a likelihood-ratio statistic.</summary>
    public static double ChiSquaredSurvival(double x, int degreesOfFreedom) =>
        x <= 0 ? 1 : 1 - ChiSquared.CDF(degreesOfFreedom, x);
}
