using MathNet.Numerics.Distributions;

namespace Nautilus.Vpin.Domain;

/// <summary>
/// Bulk volume classification (Easley, López de Prado and O'Hara 2012): a bar's volume is buyer-initiated in the share
/// Φ(ΔP ÷ σ<sub>ΔP</sub>), ΔP the change of price from the bar before and σ<sub>ΔP</sub> the standard deviation of those changes.
/// </summary>
public static class BulkVolumeClassifier
{
    /// <summary>The start of the time bar of <paramref name="barNanos"/> that <paramref name="tsNanos"/> falls in.</summary>
    public static long BarStart(long tsNanos, long barNanos) => tsNanos - (((tsNanos % barNanos) + barNanos) % barNanos);

    /// <summary>The buy share of a price change; ½ when nothing is known (no change seen yet, or no dispersion).</summary>
    public static double BuyShare(double priceChange, double sigma) =>
        sigma > 0 && double.IsFinite(priceChange) ? Normal.CDF(0, 1, priceChange / sigma) : 0.5;

    /// <summary>
    /// The buy shares of a series of bars' closing prices, σ over the whole series (the paper's sample estimate); the first bar,
    /// without a change, gets ½.
    /// </summary>
    public static double[] BuyShares(ReadOnlySpan<double> closes)
    {
        var shares = new double[closes.Length];
        if (closes.Length == 0)
        {
            return shares;
        }

        var changes = new double[closes.Length - 1];
        for (var i = 1; i < closes.Length; i++)
        {
            changes[i - 1] = closes[i] - closes[i - 1];
        }

        var sigma = SampleStandardDeviation(changes);
        shares[0] = 0.5;
        for (var i = 1; i < closes.Length; i++)
        {
            shares[i] = BuyShare(changes[i - 1], sigma);
        }

        return shares;
    }

    private static double SampleStandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (values.Length - 1));
    }
}
