namespace Nautilus.Vpin.Domain.Microstructure;

/// <summary>
/// Kyle's lambda, the price impact of order flow: the least-squares slope of price changes on signed volume (buy − sell) over
/// intervals, ΔP = α + λ·q + ε (Kyle 1985; estimated as in Hasbrouck 2009's regressions of returns on signed flow).
/// </summary>
public static class KyleLambda
{
    /// <summary>λ, its intercept and R²; λ is NaN when the signed volumes do not vary.</summary>
    public static (double Lambda, double Intercept, double RSquared) Estimate(ReadOnlySpan<double> priceChanges,
        ReadOnlySpan<double> signedVolumes)
    {
        if (priceChanges.Length != signedVolumes.Length)
        {
            throw new ArgumentException("one price change per signed volume", nameof(signedVolumes));
        }

        var n = priceChanges.Length;
        if (n < 2)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double meanQ = 0, meanP = 0;
        for (var i = 0; i < n; i++)
        {
            meanQ += signedVolumes[i];
            meanP += priceChanges[i];
        }

        (meanQ, meanP) = (meanQ / n, meanP / n);
        double sqq = 0, sqp = 0, spp = 0;
        for (var i = 0; i < n; i++)
        {
            var (q, p) = (signedVolumes[i] - meanQ, priceChanges[i] - meanP);
            (sqq, sqp, spp) = (sqq + q * q, sqp + q * p, spp + p * p);
        }

        if (sqq == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var lambda = sqp / sqq;
        return (lambda, meanP - lambda * meanQ, spp > 0 ? sqp * sqp / (sqq * spp) : 1);
    }
}
