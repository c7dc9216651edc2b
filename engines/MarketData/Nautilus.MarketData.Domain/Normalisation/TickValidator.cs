namespace Nautilus.MarketData.Domain.Normalisation;

public enum RejectReason : byte
{
    UnknownSymbol = 1,
    NotFinite = 2,
    NonPositivePrice = 3,
    NonPositiveSize = 4,
    CrossedBook = 5,
    OutOfOrder = 6,
    Duplicate = 7,
}

/// <summary>
/// Lets through only ticks a consumer can trust, and counts the rest per reason: unknown instruments, NaN or
/// infinite fields, zero or negative prices and sizes, crossed or locked quotes (bid ≥ ask), ticks older than the
/// last accepted one of their instrument, and duplicates (a sequence number already seen; without sequence numbers,
/// the same trade again at the same time). Per instrument and kind, so a quote never blocks a trade.
/// </summary>
public sealed class TickValidator(Func<string, bool> isKnown)
{
    private readonly Dictionary<(string, TickKind), Tick> _last = [];
    private readonly long[] _rejected = new long[Enum.GetValues<RejectReason>().Length + 1];

    public long Accepted { get; private set; }

    public long RejectedTotal => _rejected.Sum();

    public IReadOnlyDictionary<RejectReason, long> Rejected =>
        Enum.GetValues<RejectReason>().ToDictionary(r => r, r => _rejected[(int)r]);

    /// <summary>Null when the tick is accepted (and becomes the instrument's last), else why not.</summary>
    public RejectReason? Validate(in Tick tick)
    {
        var reason = Check(tick);
        if (reason is { } r)
        {
            _rejected[(int)r]++;
            return r;
        }

        _last[(tick.Symbol, tick.Kind)] = tick;
        Accepted++;
        return null;
    }

    private RejectReason? Check(in Tick tick)
    {
        if (!isKnown(tick.Symbol))
        {
            return RejectReason.UnknownSymbol;
        }

        if (tick.Kind == TickKind.Trade)
        {
            if (!double.IsFinite(tick.Price) || !double.IsFinite(tick.Size))
            {
                return RejectReason.NotFinite;
            }

            if (tick.Price <= 0)
            {
                return RejectReason.NonPositivePrice;
            }

            if (tick.Size <= 0)
            {
                return RejectReason.NonPositiveSize;
            }
        }
        else
        {
            if (!double.IsFinite(tick.BidPrice) || !double.IsFinite(tick.AskPrice) ||
                !double.IsFinite(tick.BidSize) || !double.IsFinite(tick.AskSize))
            {
                return RejectReason.NotFinite;
            }

            if (tick.BidPrice <= 0 || tick.AskPrice <= 0)
            {
                return RejectReason.NonPositivePrice;
            }

            if (tick.BidSize <= 0 || tick.AskSize <= 0)
            {
                return RejectReason.NonPositiveSize;
            }

            if (tick.BidPrice >= tick.AskPrice)
            {
                return RejectReason.CrossedBook;
            }
        }

        if (_last.TryGetValue((tick.Symbol, tick.Kind), out var last))
        {
            if (tick.Seq > 0 && last.Seq > 0 && tick.Seq <= last.Seq)
            {
                return RejectReason.Duplicate;
            }

            if (tick.Seq == 0 && tick == last)
            {
                return RejectReason.Duplicate;
            }

            if (tick.TsNs < last.TsNs)
            {
                return RejectReason.OutOfOrder;
            }
        }

        return null;
    }
}
