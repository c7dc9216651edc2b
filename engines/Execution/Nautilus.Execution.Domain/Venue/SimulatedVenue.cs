using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;

namespace Nautilus.Execution.Domain.Venue;

/// <summary>
/// A venue that fills working orders against market data: bars in backtests, quotes, trades and book snapshots live
/// (the paper venue). Rules, the same in both:
/// <list type="bullet">
/// <item>Bars: an order can match from the first bar that opens at or after it became active; a market order fills at
/// that bar's open (so an order sent while handling bar t fills at bar t+1's open: no look-ahead); a limit order at the
/// open when the open is at or better than its limit, else at its limit when the bar's range reaches it; a stop at the
/// open when the open is through its trigger, else at the trigger when the range reaches it; a stop-limit once
/// triggered works as a limit (filling at the trigger at once when that is within its limit).</item>
/// <item>Quotes and books: market orders take the opposite side's liquidity level by level (partial fills when it is
/// short); marketable limit orders likewise up to their limit. An order matches when it arrives (on submission without
/// latency; with latency, at the first event after it, against the book in force before that event), then on every quote or
/// snapshot; what it takes is gone from the book until the next one.</item>
/// <item>Trades: a resting limit order fills when a trade goes through its price, or at its price once the trades there
/// have worked off the size that was ahead of it in the queue (the displayed size at its price when it started resting:
/// the queue-position approximation).</item>
/// <item>Time in force: IOC fills what it can at its first match and cancels the rest; FOK fills completely at its first
/// match or is cancelled; DAY expires when the UTC day of its first possible match ends; GTD at its expiry time.</item>
/// </list>
/// Market fills are slipped by the slippage model, limit fills never; every fill pays the fee model's commission.
/// </summary>
public sealed class SimulatedVenue(VenueOptions options, IFillSink sink)
{
    private readonly Dictionary<InstrumentId, Book> _books = [];
    private long _venueOrderSeq;

    /// <summary>Orders working at the venue, all instruments.</summary>
    public int OpenOrders { get; private set; }

    public VenueOptions Options => options;

    public IEnumerable<Order> Working => _books.Values.SelectMany(b => b.Orders);

    /// <summary>
    /// Takes an order the OMS has submitted: accepted at once, it reaches the matching engine <c>latency</c> later. With no
    /// latency it matches on arrival against the book as it stands; otherwise it arrives at the first market event after its
    /// latency and matches against the book in force before that event.
    /// </summary>
    public void Submit(Order order, TradableInstrument instrument, UnixNanos now)
    {
        order.VenueOrderId = new VenueOrderId($"SIM-{++_venueOrderSeq}");
        order.ActiveFrom = now + options.Latency;
        order.Move(OrderStatus.Accepted, now);
        sink.OnAccepted(order);
        var book = Rest(order, instrument);
        if (order.ActiveFrom <= now)
        {
            Arrive(book, order, now);
        }
    }

    /// <summary>Puts back a working order after a restart, as it was (its venue id kept).</summary>
    public void Restore(Order order, TradableInstrument instrument, VenueOrderId? venueOrderId, UnixNanos now)
    {
        order.VenueOrderId = venueOrderId ?? new VenueOrderId($"SIM-R{++_venueOrderSeq}");
        order.ActiveFrom = now;
        order.Arrived = true;
        Rest(order, instrument);
    }

    private Book Rest(Order order, TradableInstrument instrument)
    {
        var book = BookOf(order.InstrumentId);
        book.Instrument = instrument;
        book.Orders.Add(order);
        OpenOrders++;
        return book;
    }

    /// <summary>
    /// The order reaches the matching engine: market and marketable orders take what the book shows (less what earlier
    /// orders took from it); a limit order left resting has the displayed size at its price ahead of it in the queue.
    /// </summary>
    private void Arrive(Book book, Order order, UnixNanos ts)
    {
        order.Arrived = true;
        if (book.Bids is not { } bids || book.Asks is not { } asks || Expired(order, ts))
        {
            return; // no book seen yet: the next market event matches it
        }

        Take(book, order, bids, asks, ts);
        if (order.IsOpen && order.Spec.Type == OrderType.Limit)
        {
            var limit = order.Spec.LimitPrice!.Value.ToDecimal();
            foreach (var level in order.Side == OrderSide.Buy ? bids : asks)
            {
                if (level.Price == limit)
                {
                    order.QueueAhead = level.Size;
                }
            }
        }
    }

    /// <summary>
    /// A working order's limit or trigger changed: it goes to the back of the queue at its new price and matches at once if
    /// it has become marketable, as on a venue where a price change is a new order.
    /// </summary>
    public void Repriced(Order order, UnixNanos now)
    {
        if (!order.Arrived || !_books.TryGetValue(order.InstrumentId, out var book) || !book.Orders.Remove(order))
        {
            return;
        }

        book.Orders.Add(order);
        order.QueueAhead = 0;
        Arrive(book, order, now);
    }

    /// <summary>Orders whose latency has run out by <paramref name="ts"/> arrive, before the event at ts changes the book.</summary>
    private void ArrivePending(Book book, UnixNanos ts)
    {
        if (book.Orders.Count == 0)
        {
            return;
        }

        foreach (var order in book.Snapshot())
        {
            if (!order.Arrived && order.IsOpen && order.ActiveFrom <= ts)
            {
                Arrive(book, order, order.ActiveFrom);
            }
        }
    }

    /// <summary>Takes an order off the venue (a cancel, an OCO sibling's fill, an expiry): true when it was working here.</summary>
    public bool Remove(Order order)
    {
        if (_books.TryGetValue(order.InstrumentId, out var book) && book.Orders.Remove(order))
        {
            OpenOrders--;
            return true;
        }

        return false;
    }

    public void OnBar(Bar bar)
    {
        if (OpenOrders == 0 || !_books.TryGetValue(bar.InstrumentId, out var book) || book.Orders.Count == 0)
        {
            return;
        }

        foreach (var order in book.Snapshot())
        {
            MatchBar(order, book, bar);
        }
    }

    /// <summary>
    /// Bars the venue had already moved past when <paramref name="order"/> reached it, though it was sent before they opened
    /// (a replay running ahead of the loop that trades on it): each matches that order alone, in time order, as a backtest
    /// would have matched it. Volume taken by other orders on those bars is not known here and not deducted.
    /// </summary>
    public void CatchUp(Order order, IEnumerable<Bar> bars)
    {
        if (!_books.TryGetValue(order.InstrumentId, out var book) || !book.Orders.Contains(order))
        {
            return;
        }

        foreach (var bar in bars)
        {
            if (!order.IsOpen)
            {
                return;
            }

            MatchBar(order, book, bar);
        }
    }

    private void MatchBar(Order order, Book book, Bar bar)
    {
        var ts = bar.TsEvent;
        // Latency is for ticks: on bars an order sent at a bar's close is in time for the next bar's open.
        if (!order.IsOpen || order.ActiveFrom > ts + options.Latency || Expired(order, ts))
        {
            return;
        }

        var (open, high, low) = (bar.Open.ToDecimal(), bar.High.ToDecimal(), bar.Low.ToDecimal());
        var (price, maker) = BarFillPrice(order, open, high, low);
        if (price is not { } p)
        {
            EndUnmatchedImmediate(order, ts);
            return;
        }

        var available = options.MaxVolumeShare is { } share
            ? book.Instrument.LotsOf((decimal)(share * bar.Volume.AsDouble()))
            : order.Leaves;
        Match(order, book, Min(available, order.Leaves), p, maker, ts);
    }

    public void OnQuote(QuoteTick quote)
    {
        var book = BookOf(quote.InstrumentId);
        ArrivePending(book, quote.TsEvent);
        book.Quote(quote.BidPrice.ToDecimal(), quote.BidSize.ToDecimal(), quote.AskPrice.ToDecimal(), quote.AskSize.ToDecimal());
        if (book.Orders.Count > 0)
        {
            TakeLiquidity(book, quote.TsEvent);
        }
    }

    public void OnBook(OrderBookSnapshot snapshot)
    {
        var book = BookOf(snapshot.InstrumentId);
        ArrivePending(book, snapshot.TsEvent);
        book.Bids = [.. snapshot.Bids.Select(l => (l.Price.ToDecimal(), l.Size.ToDecimal()))];
        book.Asks = [.. snapshot.Asks.Select(l => (l.Price.ToDecimal(), l.Size.ToDecimal()))];
        if (book.Orders.Count > 0)
        {
            TakeLiquidity(book, snapshot.TsEvent);
        }
    }

    public void OnTrade(TradeTick trade)
    {
        var book = _books.GetValueOrDefault(trade.InstrumentId);
        if (book is null || book.Orders.Count == 0)
        {
            return;
        }

        var ts = trade.TsEvent;
        ArrivePending(book, ts);
        var price = trade.Price.ToDecimal();
        var size = trade.Size.ToDecimal();
        foreach (var order in book.Snapshot())
        {
            if (!order.IsOpen || !order.Arrived || Expired(order, ts) || size <= 0)
            {
                continue;
            }

            var buy = order.Side == OrderSide.Buy;
            var stopped = order.Spec.Type is OrderType.StopMarket or OrderType.StopLimit && Trigger(order, price);
            if (order.Spec.Type == OrderType.Market || (order.Spec.Type == OrderType.StopMarket && stopped))
            {
                // No quote to take: the trade price is the market.
                var taken = Math.Min(size, order.Leaves.ToDecimal());
                size -= taken;
                Match(order, book, book.Instrument.LotsOf(taken), options.Slippage.Slip(book.Instrument, order.Side, price), false, ts);
                continue;
            }

            if (order.Spec.LimitPrice is not { } limitPrice || (order.Spec.Type == OrderType.StopLimit && !order.IsTriggered))
            {
                continue;
            }

            var limit = limitPrice.ToDecimal();
            var through = buy ? price < limit : price > limit;
            var at = price == limit;
            if (!through && !at)
            {
                continue;
            }

            var fillable = size;
            if (at)
            {
                // Trades at its price first work off the queue ahead of it.
                var ahead = order.QueueAhead;
                order.QueueAhead = Math.Max(0, ahead - size);
                fillable = Math.Max(0, size - ahead);
            }

            var quantity = book.Instrument.LotsOf(Math.Min(fillable, order.Leaves.ToDecimal()));
            size -= quantity.ToDecimal();
            Match(order, book, quantity, limit, true, ts);
        }
    }

    /// <summary>Every working order that has arrived takes what the book shows, in time priority.</summary>
    private void TakeLiquidity(Book book, UnixNanos ts)
    {
        foreach (var order in book.Snapshot())
        {
            if (order.IsOpen && order.Arrived && !Expired(order, ts))
            {
                Take(book, order, book.Bids!, book.Asks!, ts);
            }
        }
    }

    /// <summary>A market or marketable order takes the given levels (best first), using up their sizes as it fills.</summary>
    private void Take(Book book, Order order, (decimal Price, decimal Size)[] bids, (decimal Price, decimal Size)[] asks, UnixNanos ts)
    {
        var buy = order.Side == OrderSide.Buy;
        var levels = buy ? asks : bids;
        if (levels.Length == 0)
        {
            return;
        }

        var touch = levels[0].Price;
        var market = order.Spec.Type == OrderType.Market || (order.Spec.Type == OrderType.StopMarket && Trigger(order, touch));
        decimal? limit = null;
        if (!market)
        {
            var limitOrder = order.Spec.Type == OrderType.Limit
                || (order.Spec.Type == OrderType.StopLimit && (order.IsTriggered || Trigger(order, touch)));
            if (!limitOrder)
            {
                return;
            }

            limit = order.Spec.LimitPrice!.Value.ToDecimal();
        }

        var leaves = order.Leaves.ToDecimal();
        var available = 0m;
        foreach (var level in levels)
        {
            if (limit is { } l && (buy ? level.Price > l : level.Price < l))
            {
                break;
            }

            available += level.Size;
        }

        if (order.Spec.TimeInForce == TimeInForce.Fok && available < leaves)
        {
            End(order, OrderStatus.Canceled, "FOK: the book could not fill it completely", ts);
            return;
        }

        for (var i = 0; i < levels.Length && leaves > 0; i++)
        {
            ref var level = ref levels[i];
            if (level.Size <= 0 || (limit is { } l && (buy ? level.Price > l : level.Price < l)))
            {
                continue;
            }

            var quantity = book.Instrument.LotsOf(Math.Min(level.Size, leaves));
            if (quantity.IsZero)
            {
                continue;
            }

            level.Size -= quantity.ToDecimal();
            leaves -= quantity.ToDecimal();
            var price = market ? options.Slippage.Slip(book.Instrument, order.Side, level.Price) : level.Price;
            Fill(order, book, quantity, price, false, ts);
        }

        EndUnmatchedImmediate(order, ts);
    }

    /// <summary>A stop's trigger against a price: buy stops trigger at or above, sell stops at or below. Sticky.</summary>
    private static bool Trigger(Order order, decimal price)
    {
        if (order.IsTriggered)
        {
            return true;
        }

        var trigger = order.Spec.TriggerPrice!.Value.ToDecimal();
        order.IsTriggered = order.Side == OrderSide.Buy ? price >= trigger : price <= trigger;
        return order.IsTriggered;
    }

    /// <summary>The bar rules of the class summary: the price it fills at in this bar (null: none) and whether it rested.</summary>
    private (decimal? Price, bool Maker) BarFillPrice(Order order, decimal open, decimal high, decimal low)
    {
        var buy = order.Side == OrderSide.Buy;
        var instrument = _books[order.InstrumentId].Instrument;
        switch (order.Spec.Type)
        {
            case OrderType.Market:
                return (options.Slippage.Slip(instrument, order.Side, open), false);
            case OrderType.Limit:
                return (LimitFill(order.Spec.LimitPrice!.Value.ToDecimal()), true);
            case OrderType.StopMarket:
                {
                    var trigger = order.Spec.TriggerPrice!.Value.ToDecimal();
                    decimal? at = buy ? (open >= trigger ? open : high >= trigger ? trigger : null)
                        : (open <= trigger ? open : low <= trigger ? trigger : null);
                    if (at is { } p)
                    {
                        order.IsTriggered = true;
                        return (options.Slippage.Slip(instrument, order.Side, p), false);
                    }

                    return (null, false);
                }

            default:
                {
                    var limit = order.Spec.LimitPrice!.Value.ToDecimal();
                    if (order.IsTriggered)
                    {
                        return (LimitFill(limit), true);
                    }

                    var trigger = order.Spec.TriggerPrice!.Value.ToDecimal();
                    decimal? at = buy ? (open >= trigger ? open : high >= trigger ? trigger : null)
                        : (open <= trigger ? open : low <= trigger ? trigger : null);
                    if (at is not { } p)
                    {
                        return (null, false);
                    }

                    order.IsTriggered = true;
                    return ((buy ? p <= limit : p >= limit) ? p : null, false);
                }
        }

        decimal? LimitFill(decimal limit) => buy
            ? (open <= limit ? open : low <= limit ? limit : null)
            : (open >= limit ? open : high >= limit ? limit : null);
    }

    /// <summary>One match: FOK orders all or nothing; IOC and FOK orders end after it, filled or not.</summary>
    private void Match(Order order, Book book, Quantity quantity, decimal price, bool maker, UnixNanos ts)
    {
        if (order.Spec.TimeInForce == TimeInForce.Fok && quantity < order.Leaves)
        {
            End(order, OrderStatus.Canceled, "FOK: it could not fill completely at its first match", ts);
            return;
        }

        Fill(order, book, quantity, price, maker, ts);
        EndUnmatchedImmediate(order, ts);
    }

    private void Fill(Order order, Book book, Quantity quantity, decimal price, bool maker, UnixNanos ts)
    {
        if (quantity.IsZero)
        {
            return;
        }

        var fee = options.Fees.FeeOf(book.Instrument, quantity, price, maker);
        sink.OnFill(order, quantity, price, fee, maker, ts);
        if (!order.IsOpen)
        {
            Remove(order);
        }
    }

    /// <summary>IOC and FOK orders live for one match: what did not fill is cancelled.</summary>
    private void EndUnmatchedImmediate(Order order, UnixNanos ts)
    {
        if (order.IsOpen && order.Spec.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
        {
            End(order, OrderStatus.Canceled, $"{order.Spec.TimeInForce}: {order.Leaves} unfilled at its first match", ts);
        }
    }

    private bool Expired(Order order, UnixNanos ts)
    {
        var day = DateOnly.FromDateTime(ts.ToUtcDateTime());
        if (order.Spec.TimeInForce == TimeInForce.Day)
        {
            order.TradingDay ??= day;
            if (day > order.TradingDay)
            {
                End(order, OrderStatus.Expired, $"DAY order: the trading day {order.TradingDay:yyyy-MM-dd} ended", ts);
                return true;
            }
        }
        else if (order.Spec.TimeInForce == TimeInForce.Gtd && ts >= order.Spec.ExpireTime!.Value)
        {
            End(order, OrderStatus.Expired, $"GTD order: expired at {order.Spec.ExpireTime.Value}", ts);
            return true;
        }

        return false;
    }

    private void End(Order order, OrderStatus status, string reason, UnixNanos ts)
    {
        Remove(order);
        sink.OnEnded(order, status, reason, ts);
    }

    private static Quantity Min(Quantity a, Quantity b) => a < b ? a : b;

    private Book BookOf(InstrumentId instrument)
    {
        if (!_books.TryGetValue(instrument, out var book))
        {
            _books[instrument] = book = new Book();
        }

        return book;
    }

    /// <summary>
    /// One instrument at the venue: its working orders in arrival order (time priority) and the liquidity its latest quote or
    /// book snapshot shows, less what orders have taken from it since.
    /// </summary>
    private sealed class Book
    {
        private Order[] _snapshot = [];
        private TradableInstrument? _instrument;

        /// <summary>Set by the first order to rest here; market data alone needs no instrument.</summary>
        public TradableInstrument Instrument
        {
            get => _instrument ?? throw new InvalidOperationException("no order has rested on this book");
            set => _instrument = value;
        }

        public List<Order> Orders { get; } = [];

        /// <summary>Bid levels, best first (null until the first quote or snapshot).</summary>
        public (decimal Price, decimal Size)[]? Bids { get; set; }

        public (decimal Price, decimal Size)[]? Asks { get; set; }

        /// <summary>A quote replaces the book with its top level (arrays reused: a quote a tick).</summary>
        public void Quote(decimal bid, decimal bidSize, decimal ask, decimal askSize)
        {
            if (Bids is not { Length: 1 } || Asks is not { Length: 1 })
            {
                (Bids, Asks) = (new (decimal, decimal)[1], new (decimal, decimal)[1]);
            }

            Bids[0] = (bid, bidSize);
            Asks[0] = (ask, askSize);
        }

        /// <summary>The working orders as they are now: matching one may cancel or add others.</summary>
        public ReadOnlySpan<Order> Snapshot()
        {
            if (_snapshot.Length < Orders.Count)
            {
                _snapshot = new Order[Math.Max(4, Orders.Count * 2)];
            }

            Orders.CopyTo(_snapshot);
            return _snapshot.AsSpan(0, Orders.Count);
        }
    }
}
