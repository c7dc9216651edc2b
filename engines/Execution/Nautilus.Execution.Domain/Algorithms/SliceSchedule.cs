using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;

namespace Nautilus.Execution.Domain.Algorithms;

/// <summary>One child order of a parent: when it goes out and how much.</summary>
public readonly record struct Slice(int Index, UnixNanos At, decimal Quantity);

/// <summary>
/// How an execution algorithm cuts a parent order into child orders over [start, start + duration): TWAP in equal slices at
/// equal intervals; VWAP in slices proportional to a volume profile (the share of the day's volume each interval usually
/// trades, by default the U-shaped curve of a US equity session: heavy at the open and the close). Quantities are whole lots,
/// each slice taking the sent total to its share of the parent to the nearest lot, so the slices always add up to the parent.
/// </summary>
public static class SliceSchedule
{
    /// <summary>A US equity session's volume in 13 half hours, open to close (share of the day, in per cent).</summary>
    public static readonly IReadOnlyList<double> EquitySessionProfile = [12, 9, 7.5, 6.5, 6, 5.5, 5.5, 5.5, 6, 6.5, 7.5, 9, 13];

    /// <summary>The schedule of <paramref name="algorithm"/>: <c>twap</c> (<paramref name="slices"/> equal slices) or <c>vwap</c>
    /// (one slice per weight of <paramref name="profile"/>).</summary>
    public static IReadOnlyList<Slice> Of(string algorithm, decimal quantity, decimal lotSize, UnixNanos start, TimeSpan duration,
        int slices,
        IReadOnlyList<double>? profile) => algorithm switch
        {
            "twap" => Twap(quantity, lotSize, start, duration, slices),
            "vwap" => Vwap(quantity, lotSize, start, duration, profile),
            _ => throw new OrderValidationException("algorithm", $"'{algorithm}' is not twap or vwap"),
        };

    public static IReadOnlyList<Slice> Twap(decimal quantity, decimal lotSize, UnixNanos start, TimeSpan duration, int slices) =>
        Build(quantity, lotSize, start, duration, [.. Enumerable.Repeat(1.0, Check(slices, duration))]);

    /// <summary>Slices weighted by <paramref name="profile"/> (any positive numbers; the equity session's curve when null), one per
    /// weight, spread evenly over the duration.</summary>
    public static IReadOnlyList<Slice> Vwap(decimal quantity, decimal lotSize, UnixNanos start, TimeSpan duration,
        IReadOnlyList<double>? profile)
    {
        var weights = profile ?? EquitySessionProfile;
        if (weights.Count == 0 || weights.Any(w => !(w > 0) || !double.IsFinite(w)))
        {
            throw new OrderValidationException("profile", "one positive weight per slice");
        }

        Check(weights.Count, duration);
        return Build(quantity, lotSize, start, duration, weights);
    }

    private static int Check(int slices, TimeSpan duration)
    {
        if (slices is < 1 or > 10_000)
        {
            throw new OrderValidationException("slices", $"{slices}: 1 to 10,000");
        }

        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(7))
        {
            throw new OrderValidationException("durationSeconds", $"{duration.TotalSeconds} s: more than 0, at most a week");
        }

        return slices;
    }

    private static IReadOnlyList<Slice> Build(decimal quantity, decimal lotSize, UnixNanos start, TimeSpan duration,
        IReadOnlyList<double> weights)
    {
        if (quantity <= 0 || quantity % lotSize != 0)
        {
            throw new OrderValidationException("quantity", $"{quantity}: positive and a multiple of the lot size {lotSize}");
        }

        var total = weights.Sum();
        var step = duration / weights.Count;
        var slices = new List<Slice>(weights.Count);
        var cumulative = 0.0;
        var sent = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            // Each slice brings the sent total to its share of the parent, to the nearest lot: no drift, and the last slice
            // lands exactly on the parent's quantity.
            cumulative += weights[i];
            var target = i == weights.Count - 1 ? quantity
                : Math.Min(quantity, Math.Round(quantity * (decimal)(cumulative / total) / lotSize,
                    MidpointRounding.AwayFromZero) * lotSize);
            var size = target - sent;
            sent = target;
            if (size > 0)
            {
                slices.Add(new Slice(i, start + step * i, size));
            }
        }

        return slices;
    }
}
