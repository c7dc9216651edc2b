namespace Nautilus.Risk.Domain.Statistics;

/// <summary>Mean, standard deviation (sample, n − 1), skewness and excess kurtosis of a series, in one pass.</summary>
public readonly record struct SampleMoments(int Count, double Mean, double StdDev, double Skewness, double ExcessKurtosis)
{
    /// <summary>
    /// Skewness and excess kurtosis are the population moment ratios (m3 / m2^1.5 and m4 / m2² − 3, as
    /// Cornish-Fisher expansions are usually written); the standard deviation is the sample one (ddof 1).
    /// </summary>
    public static SampleMoments Of(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (n < 2)
        {
            throw new ArgumentException("At least two observations are needed.", nameof(values));
        }

        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }

        var std = Math.Sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        var skew = m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0;
        var kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
        return new SampleMoments(n, mean, std, skew, kurt);
    }
}
