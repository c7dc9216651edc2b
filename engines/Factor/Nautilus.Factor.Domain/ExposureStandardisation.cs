namespace Nautilus.Factor.Domain;

/// <summary>
/// Raw style scores to exposures, cross-sectionally (Barra's convention, as toraniko): winsorised at the given percentiles
/// (linear interpolation between order statistics), then centred on the cap-weighted mean and divided by the equal-weighted
/// standard deviation, so the market portfolio has zero exposure and a typical asset ±1.
/// </summary>
public static class ExposureStandardisation
{
    public static double[] Standardise(double[] scores, double[] marketCaps, double lowerPercentile = 0.05, double upperPercentile = 0.95)
    {
        var n = scores.Length;
        if (marketCaps.Length != n)
        {
            throw new FactorInputException("marketCaps", $"{marketCaps.Length} market caps for {n} scores");
        }

        if (n < 2)
        {
            throw new FactorInputException("scores", "standardising needs at least two assets");
        }

        var sorted = scores.Order().ToArray();
        var (low, high) = (Percentile(sorted, lowerPercentile), Percentile(sorted, upperPercentile));
        var clipped = scores.Select(v => Math.Clamp(v, low, high)).ToArray();
        var totalCap = marketCaps.Sum();
        var capMean = clipped.Select((v, i) => v * marketCaps[i] / totalCap).Sum();
        var mean = clipped.Average();
        var std = Math.Sqrt(clipped.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        if (!(std > 0))
        {
            throw new FactorInputException("scores", "every asset has the same score: the style has no cross-section");
        }

        return [.. clipped.Select(v => (v - capMean) / std)];
    }

    /// <summary>numpy's default (linear) percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
