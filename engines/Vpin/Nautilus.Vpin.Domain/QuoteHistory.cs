namespace Nautilus.Vpin.Domain;

/// <summary>
/// The recent quotes of one instrument, for Lee–Ready's quote delay (Lee and Ready 1991 compare a trade with the quote in force a
/// few seconds before it, as trades were reported late): the quote in force at any time within the last <c>capacity</c> quotes.
/// </summary>
public sealed class QuoteHistory(int capacity = 256)
{
    private readonly (long Ts, double Bid, double Ask)[] _quotes = new (long, double, double)[Math.Max(1, capacity)];
    private int _next, _count;

    public void Add(long tsNanos, double bid, double ask)
    {
        _quotes[_next] = (tsNanos, bid, ask);
        _next = (_next + 1) % _quotes.Length;
        _count = Math.Min(_count + 1, _quotes.Length);
    }

    /// <summary>The latest quote at or before <paramref name="tsNanos"/>; NaNs when none is kept that old.</summary>
    public (double Bid, double Ask) InForceAt(long tsNanos)
    {
        for (var k = 1; k <= _count; k++)
        {
            var q = _quotes[(_next - k + _quotes.Length) % _quotes.Length];
            if (q.Ts <= tsNanos)
            {
                return (q.Bid, q.Ask);
            }
        }

        return (double.NaN, double.NaN);
    }
}
