namespace Nautilus.Vpin.Domain.Microstructure;

/// <summary>Depth imbalance of an order book: (Σ bid size − Σ ask size) ÷ (Σ bid size + Σ ask size) over the top levels.</summary>
public static class BookImbalance
{
    public const int DefaultLevels = 10;

    /// <summary>In [−1, 1]: +1 only bids, −1 only asks; NaN for an empty book. Levels are best first.</summary>
    public static double Of(ReadOnlySpan<double> bidSizes, ReadOnlySpan<double> askSizes, int levels = DefaultLevels)
    {
        var bids = Sum(bidSizes[..Math.Min(levels, bidSizes.Length)]);
        var asks = Sum(askSizes[..Math.Min(levels, askSizes.Length)]);
        return bids + asks > 0 ? (bids - asks) / (bids + asks) : double.NaN;
    }

    private static double Sum(ReadOnlySpan<double> sizes)
    {
        var sum = 0.0;
        foreach (var s in sizes)
        {
            sum += s;
        }

        return sum;
    }
}
