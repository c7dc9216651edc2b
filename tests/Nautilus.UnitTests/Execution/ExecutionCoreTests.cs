using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Execution.Domain.Positions;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Model;

namespace Nautilus.UnitTests.Execution;

/// <summary>The OMS, the simulated venue's fill rules and the positions, through <see cref="ExecutionCore"/>.</summary>
public class ExecutionCoreTests
{
    private static readonly InstrumentId Aapl = new("AAPL", "XNAS");
    private static readonly DateOnly Day = new(2026, 3, 2);

    private sealed class Recorder : IExecutionListener
    {
        public List<(ClientOrderId Id, OrderStatus Status)> Updates { get; } = [];

        public List<(Fill Fill, decimal Realized)> Fills { get; } = [];

        public void OnOrder(Order order) => Updates.Add((order.Id, order.Status));

        public void OnFill(Order order, Fill fill, Position position, decimal realized) => Fills.Add((fill, realized));
    }

    private static (ExecutionCore Core, Recorder Events) Core(VenueOptions? venue = null, PositionMode mode = PositionMode.Netting)
    {
        var events = new Recorder();
        var core = new ExecutionCore(venue ?? VenueOptions.Frictionless, mode, events, Currency.USD, 100_000m);
        core.AddInstrument(TradableInstrument.Equity(Aapl));
        return (core, events);
    }

    private static int _seq;

    private static OrderSpec Spec(OrderSide side, decimal quantity, OrderType type = OrderType.Market, decimal? limit = null,
        decimal? trigger = null, TimeInForce tif = TimeInForce.Gtc, UnixNanos? expire = null) =>
        new(new ClientOrderId($"O-{Interlocked.Increment(ref _seq)}"), new StrategyId("test"), new PortfolioId("p1"), Aapl, side, type,
            Quantity.FromDecimal(quantity, 0), limit is { } l ? Price.FromDecimal(l, 2) : null,
            trigger is { } t ? Price.FromDecimal(t, 2) : null, tif, expire);

    private static Order Send(ExecutionCore core, OrderSpec spec, UnixNanos now)
    {
        var order = core.Initialize(spec, now);
        core.Release(order.Id, now);
        return order;
    }

    private static UnixNanos At(int day, int minute = 0) =>
        UnixNanos.From(Day.AddDays(day).ToDateTime(new TimeOnly(14, 30).AddMinutes(minute), DateTimeKind.Utc));

    private static Bar Bar(int day, decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000_000) =>
        new(new BarType(Aapl, 86_400), Price.FromDecimal(open, 2), Price.FromDecimal(high, 2), Price.FromDecimal(low, 2),
            Price.FromDecimal(close, 2), Quantity.FromDecimal(volume, 0), 0, At(day));

    [Fact]
    public void A_market_order_fills_at_the_open_of_the_first_bar_after_it_was_sent()
    {
        var (core, events) = Core();
        var order = Send(core, Spec(OrderSide.Buy, 100), At(0, 1));
        core.Venue.OnBar(Bar(0, 10, 11, 9, 10.5m));
        Assert.Equal(OrderStatus.Accepted, order.Status);
        core.Venue.OnBar(Bar(1, 12, 13, 11, 12.5m));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(12m, events.Fills.Single().Fill.Price);
        Assert.Equal(
            [OrderStatus.Initialized, OrderStatus.Submitted, OrderStatus.Accepted, OrderStatus.Filled],
            events.Updates.Where(u => u.Id == order.Id).Select(u => u.Status));
        Assert.Equal(100_000m - 1_200m, core.AccountOf(new AccountId("p1")).Cash);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 11.00, 10.50, 12, 10, 10.50)] // open at or below the limit: the open
    [InlineData(OrderSide.Buy, 10.00, 10.50, 11, 9.5, 10.00)] // the range reaches it: the limit
    [InlineData(OrderSide.Buy, 9.00, 10.50, 11, 9.5, null)] // never reached
    [InlineData(OrderSide.Sell, 10.00, 10.50, 11, 9.5, 10.50)]
    [InlineData(OrderSide.Sell, 11.00, 10.50, 11.5, 10, 11.00)]
    public void Limit_orders_fill_at_the_open_or_at_their_limit_and_never_worse(OrderSide side, double limit, double open, double high,
        double low, double? expected)
    {
        var (core, events) = Core();
        var order = Send(core, Spec(side, 10, OrderType.Limit, (decimal)limit), At(-1));
        core.Venue.OnBar(Bar(0, (decimal)open, (decimal)high, (decimal)low, (decimal)open));
        Assert.Equal(expected is null ? OrderStatus.Accepted : OrderStatus.Filled, order.Status);
        Assert.Equal(expected is { } e ? (decimal)e : null, events.Fills.SingleOrDefault().Fill?.Price);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 11.00, 10.00, 11.50, 9.5, 11.00)] // range goes through the trigger: the trigger
    [InlineData(OrderSide.Buy, 11.00, 11.20, 11.50, 11, 11.20)] // opens through it (a gap): the open
    [InlineData(OrderSide.Sell, 9.00, 10.00, 10.50, 8.5, 9.00)]
    [InlineData(OrderSide.Sell, 9.00, 8.80, 9.50, 8.5, 8.80)]
    public void Stop_orders_fill_at_their_trigger_or_at_a_gapping_open(OrderSide side, double trigger, double open, double high, double low,
        double expected)
    {
        var (core, events) = Core();
        Send(core, Spec(side, 10, OrderType.StopMarket, trigger: (decimal)trigger), At(-1));
        core.Venue.OnBar(Bar(0, (decimal)open, (decimal)high, (decimal)low, (decimal)open));
        Assert.Equal((decimal)expected, events.Fills.Single().Fill.Price);
    }

    [Fact]
    public void A_stop_limit_triggered_beyond_its_limit_rests_as_a_limit_order()
    {
        var (core, events) = Core();
        var order = Send(core, Spec(OrderSide.Buy, 10, OrderType.StopLimit, limit: 11.10m, trigger: 11.00m), At(-1));
        core.Venue.OnBar(Bar(0, 11.50m, 12, 11.40m, 11.80m)); // gaps over trigger and limit
        Assert.True(order.IsTriggered);
        Assert.Empty(events.Fills);
        core.Venue.OnBar(Bar(1, 11.60m, 11.70m, 11.05m, 11.20m)); // comes back to the limit
        Assert.Equal(11.10m, events.Fills.Single().Fill.Price);
    }

    [Fact]
    public void Slippage_moves_market_fills_against_the_order_and_fees_are_charged()
    {
        var venue = new VenueOptions(TimeSpan.Zero, null, new PerUnitFee(0.005m, 1m), new TickSlippage(2));
        var (core, events) = Core(venue);
        Send(core, Spec(OrderSide.Buy, 100, OrderType.Market), At(-1));
        Send(core, Spec(OrderSide.Sell, 100, OrderType.Limit, limit: 10.50m), At(-1));
        core.Venue.OnBar(Bar(0, 10, 11, 9.5m, 10.5m));
        Assert.Equal(10.02m, events.Fills[0].Fill.Price); // two cents against the buyer
        Assert.Equal(1m, events.Fills[0].Fill.Fee); // 0.005 × 100 = 0.50, the minimum is 1.00
        Assert.Equal(10.50m, events.Fills[1].Fill.Price); // a limit is never slipped
        Assert.Equal(100_000m - 1_002m - 1m + 1_050m - 1m, core.AccountOf(new AccountId("p1")).Cash);
        Assert.Equal(1_050m - 1_002m - 2m, events.Fills.Sum(f => f.Realized));
    }

    [Fact]
    public void A_volume_cap_leaves_a_partial_fill_that_completes_on_later_bars()
    {
        var (core, events) = Core(VenueOptions.Frictionless with { MaxVolumeShare = 0.1 });
        var order = Send(core, Spec(OrderSide.Buy, 250), At(-1));
        core.Venue.OnBar(Bar(0, 10, 10, 10, 10, volume: 1_000));
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Equal(100m, order.Filled.ToDecimal());
        core.Venue.OnBar(Bar(1, 11, 11, 11, 11, volume: 1_000));
        core.Venue.OnBar(Bar(2, 12, 12, 12, 12, volume: 1_000));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal([100m, 100m, 50m], events.Fills.Select(f => f.Fill.Quantity.ToDecimal()));
        Assert.Equal((100 * 10 + 100 * 11 + 50 * 12) / 250m, order.AveragePrice);
    }

    [Fact]
    public void Ioc_keeps_what_filled_and_fok_fills_completely_or_not_at_all()
    {
        var (core, events) = Core(VenueOptions.Frictionless with { MaxVolumeShare = 0.1 });
        var ioc = Send(core, Spec(OrderSide.Buy, 250, tif: TimeInForce.Ioc), At(-1));
        var fok = Send(core, Spec(OrderSide.Buy, 250, tif: TimeInForce.Fok), At(-1));
        core.Venue.OnBar(Bar(0, 10, 10, 10, 10, volume: 1_000));
        Assert.Equal((OrderStatus.Canceled, 100m), (ioc.Status, ioc.Filled.ToDecimal()));
        Assert.Equal((OrderStatus.Canceled, 0m), (fok.Status, fok.Filled.ToDecimal()));
        Assert.Contains("FOK", fok.Reason);
        Assert.Single(events.Fills);
    }

    [Fact]
    public void Day_orders_expire_when_their_day_ends_and_gtd_orders_at_their_time()
    {
        var (core, _) = Core();
        var day = Send(core, Spec(OrderSide.Buy, 10, OrderType.Limit, 5m, tif: TimeInForce.Day), At(-1));
        var gtd = Send(core, Spec(OrderSide.Buy, 10, OrderType.Limit, 5m, tif: TimeInForce.Gtd, expire: At(2)), At(-1));
        var gtc = Send(core, Spec(OrderSide.Buy, 10, OrderType.Limit, 5m), At(-1));
        core.Venue.OnBar(Bar(0, 10, 11, 9, 10));
        Assert.Equal(OrderStatus.Accepted, day.Status);
        core.Venue.OnBar(Bar(1, 10, 11, 9, 10));
        Assert.Equal(OrderStatus.Expired, day.Status);
        Assert.Equal(OrderStatus.Accepted, gtd.Status);
        core.Venue.OnBar(Bar(2, 10, 11, 9, 10));
        Assert.Equal(OrderStatus.Expired, gtd.Status);
        Assert.Equal(OrderStatus.Accepted, gtc.Status);
    }

    [Fact]
    public void The_state_machine_refuses_cancelling_a_filled_order_and_modifying_a_cancelled_one()
    {
        var (core, _) = Core();
        var filled = Send(core, Spec(OrderSide.Buy, 10), At(-1));
        var resting = Send(core, Spec(OrderSide.Buy, 10, OrderType.Limit, 5m), At(-1));
        core.Venue.OnBar(Bar(0, 10, 11, 9, 10));
        var cancel = Assert.Throws<IllegalOrderTransitionException>(() => core.Cancel(filled.Id, At(1)));
        Assert.Equal((OrderStatus.Filled, OrderStatus.Canceled), (cancel.From, cancel.To));
        core.Cancel(resting.Id, At(1));
        Assert.Throws<IllegalOrderTransitionException>(() => core.Modify(resting.Id, null, Price.FromDecimal(6m, 2), null, At(1)));
        Assert.False(OrderStateMachine.CanMove(OrderStatus.Canceled, OrderStatus.Filled));
        Assert.False(OrderStateMachine.CanMove(OrderStatus.Initialized, OrderStatus.Filled));
    }

    [Theory]
    [InlineData(0, null, "quantity")]
    [InlineData(10.5, null, "quantity")]
    [InlineData(10, 10.005, "limitPrice")]
    public void Orders_off_the_instrument_grid_are_refused_naming_the_field(double quantity, double? limit, string field)
    {
        var (core, _) = Core();
        var spec = Spec(OrderSide.Buy, 10, limit is null ? OrderType.Market : OrderType.Limit) with
        {
            Quantity = Quantity.FromDecimal((decimal)quantity, 1),
            LimitPrice = limit is { } l ? Price.FromDecimal((decimal)l, 3) : null,
        };
        Assert.Equal(field, Assert.Throws<OrderValidationException>(() => core.Initialize(spec, At(0))).Field);
        var unknown = spec with { InstrumentId = new InstrumentId("NOPE", "XNAS") };
        Assert.Equal("instrumentId", Assert.Throws<OrderValidationException>(() => core.Initialize(unknown, At(0))).Field);
    }

    [Fact]
    public void A_bracket_releases_its_exits_when_the_entry_fills_and_one_exit_cancels_the_other()
    {
        var (core, _) = Core();
        var list = new OrderListId("B-1");
        var entry = Send(core, Spec(OrderSide.Buy, 100) with { ListId = list, Contingency = Contingency.Oto }, At(-1));
        var stop = Send(core, Spec(OrderSide.Sell, 100, OrderType.StopMarket, trigger: 9m) with
        {
            ListId = list,
            Contingency = Contingency.Oco,
            Parent = entry.Id,
        }, At(-1));
        var target = Send(core, Spec(OrderSide.Sell, 100, OrderType.Limit, 12m) with
        {
            ListId = list,
            Contingency = Contingency.Oco,
            Parent = entry.Id,
        }, At(-1));
        Assert.Equal((OrderStatus.Initialized, OrderStatus.Initialized), (stop.Status, target.Status));
        core.Venue.OnBar(Bar(0, 10, 10.5m, 9.5m, 10));
        Assert.Equal(OrderStatus.Filled, entry.Status);
        Assert.Equal((OrderStatus.Accepted, OrderStatus.Accepted), (stop.Status, target.Status));
        core.Venue.OnBar(Bar(1, 11, 12.5m, 10.5m, 12));
        Assert.Equal((OrderStatus.Canceled, OrderStatus.Filled), (stop.Status, target.Status));
        Assert.Equal(0m, core.Positions.NetQuantity(new AccountId("p1"), Aapl));
    }

    [Fact]
    public void Netting_realises_pnl_on_the_closed_part_of_a_flip_and_hedging_keeps_positions_apart()
    {
        var (core, events) = Core();
        Send(core, Spec(OrderSide.Buy, 100), At(-1));
        core.Venue.OnBar(Bar(0, 10, 10, 10, 10));
        Send(core, Spec(OrderSide.Sell, 150), At(0, 1));
        core.Venue.OnBar(Bar(1, 12, 12, 12, 12));
        Assert.Equal(200m, events.Fills[1].Realized); // 100 × (12 − 10)
        var position = core.Positions.Open.Single();
        Assert.Equal((PositionSide.Short, -50m, 12m), (position.Side, position.Quantity, position.AveragePrice));
        Assert.Equal(-50m, position.UnrealizedPnl(13m));

        var (hedging, _) = Core(mode: PositionMode.Hedging);
        Send(hedging, Spec(OrderSide.Buy, 100), At(-1));
        Send(hedging, Spec(OrderSide.Sell, 40), At(-1));
        hedging.Venue.OnBar(Bar(0, 10, 10, 10, 10));
        Assert.Equal([100m, -40m], hedging.Positions.Open.Select(p => p.Quantity).Order().Reverse());
        Assert.Equal(60m, hedging.Positions.NetQuantity(new AccountId("p1"), Aapl));
    }

    [Fact]
    public void Against_a_book_market_orders_walk_the_levels_and_resting_orders_wait_their_turn_in_the_queue()
    {
        var (core, events) = Core();
        var buy = Send(core, Spec(OrderSide.Buy, 300), At(0));
        var ts = At(0, 1);
        Level[] asks = [new(10.01m, 100), new(10.02m, 150), new(10.05m, 500)];
        core.Venue.OnBook(new OrderBookSnapshot(Aapl, [new BookLevel(Price.FromDecimal(10m, 2), Quantity.FromDecimal(200, 0), 1)],
            [.. asks.Select(a => new BookLevel(Price.FromDecimal(a.Price, 2), Quantity.FromDecimal(a.Size, 0), 1))], ts));
        Assert.Equal([(10.01m, 100m), (10.02m, 150m), (10.05m, 50m)],
            events.Fills.Select(f => (f.Fill.Price, f.Fill.Quantity.ToDecimal())));
        Assert.Equal(OrderStatus.Filled, buy.Status);

        // A bid joining 200 shares at the touch fills only after 200 have traded there.
        core.Venue.OnQuote(new QuoteTick(Aapl, Price.FromDecimal(10m, 2), Quantity.FromDecimal(200, 0), Price.FromDecimal(10.01m, 2),
            Quantity.FromDecimal(100, 0), At(0, 2)));
        var bid = Send(core, Spec(OrderSide.Buy, 50, OrderType.Limit, 10m), At(0, 2));
        Assert.Equal(200m, bid.QueueAhead);
        Trade(core, 10m, 150, At(0, 3));
        Assert.Equal(0m, bid.Filled.ToDecimal());
        Trade(core, 10m, 80, At(0, 4));
        Assert.Equal(30m, bid.Filled.ToDecimal());
        Trade(core, 9.99m, 500, At(0, 5)); // trades through: the rest fills at its limit
        Assert.Equal((OrderStatus.Filled, 10m), (bid.Status, bid.AveragePrice));
    }

    [Fact]
    public void Without_latency_a_market_order_fills_on_arrival_against_the_last_quote_and_takes_its_size()
    {
        var (core, events) = Core();
        Quote(core, 10.00m, 200, 10.01m, 100, At(0, 1));
        var first = Send(core, Spec(OrderSide.Buy, 100), At(0, 1));
        Assert.Equal(OrderStatus.Filled, first.Status);
        Assert.Equal([OrderStatus.Initialized, OrderStatus.Submitted, OrderStatus.Accepted, OrderStatus.Filled],
            events.Updates.Where(u => u.Id == first.Id).Select(u => u.Status));
        Assert.Equal((10.01m, At(0, 1)), (events.Fills.Single().Fill.Price, events.Fills.Single().Fill.TsEvent));

        // The 100 offered are gone: the next buy waits for the next quote.
        var second = Send(core, Spec(OrderSide.Buy, 50), At(0, 1));
        Assert.Equal(OrderStatus.Accepted, second.Status);
        Quote(core, 10.01m, 200, 10.02m, 300, At(0, 2));
        Assert.Equal((OrderStatus.Filled, 10.02m), (second.Status, second.AveragePrice));
    }

    [Fact]
    public void With_latency_an_order_arrives_later_and_fills_against_the_book_in_force_when_it_arrived()
    {
        var venue = VenueOptions.Frictionless with { Latency = TimeSpan.FromMilliseconds(5) };
        var (core, events) = Core(venue);
        var t0 = At(0, 1);
        Quote(core, 10.00m, 200, 10.01m, 100, t0);
        var order = Send(core, Spec(OrderSide.Buy, 100), t0);
        Assert.Equal(OrderStatus.Accepted, order.Status); // in flight

        // The next quote, 10 ms later, finds it arrived 5 ms after it was sent: it filled at the offer then, not at this one.
        Quote(core, 10.49m, 200, 10.50m, 100, t0 + TimeSpan.FromMilliseconds(10));
        var fill = events.Fills.Single().Fill;
        Assert.Equal((10.01m, t0 + TimeSpan.FromMilliseconds(5)), (fill.Price, fill.TsEvent));
    }

    [Fact]
    public void A_limit_order_repriced_through_the_market_fills_at_once_and_one_left_resting_joins_the_back_of_the_queue()
    {
        var (core, _) = Core();
        Quote(core, 10.00m, 200, 10.02m, 100, At(0, 1));
        var bid = Send(core, Spec(OrderSide.Buy, 50, OrderType.Limit, 9.99m), At(0, 1));
        Assert.Equal((OrderStatus.Accepted, 0m), (bid.Status, bid.QueueAhead));

        core.Modify(bid.Id, null, Price.FromDecimal(10m, 2), null, At(0, 2));
        Assert.Equal((OrderStatus.Accepted, 200m), (bid.Status, bid.QueueAhead)); // joined the 200 bid at 10.00

        core.Modify(bid.Id, null, Price.FromDecimal(10.02m, 2), null, At(0, 3));
        Assert.Equal((OrderStatus.Filled, 10.02m), (bid.Status, bid.AveragePrice));
    }

    [Fact]
    public void Fok_and_ioc_orders_end_on_arrival_when_the_book_cannot_fill_them()
    {
        var (core, _) = Core();
        Quote(core, 10.00m, 200, 10.01m, 100, At(0, 1));
        var fok = Send(core, Spec(OrderSide.Buy, 150, OrderType.Limit, 10.01m, tif: TimeInForce.Fok), At(0, 1));
        Assert.Equal((OrderStatus.Canceled, 0m), (fok.Status, fok.Filled.ToDecimal()));
        var ioc = Send(core, Spec(OrderSide.Buy, 150, OrderType.Limit, 10.01m, tif: TimeInForce.Ioc), At(0, 1));
        Assert.Equal((OrderStatus.Canceled, 100m), (ioc.Status, ioc.Filled.ToDecimal()));
    }

    private static void Quote(ExecutionCore core, decimal bid, decimal bidSize, decimal ask, decimal askSize, UnixNanos ts) =>
        core.Venue.OnQuote(new QuoteTick(Aapl, Price.FromDecimal(bid, 2), Quantity.FromDecimal(bidSize, 0), Price.FromDecimal(ask, 2),
            Quantity.FromDecimal(askSize, 0), ts));

    private readonly record struct Level(decimal Price, decimal Size);

    private static void Trade(ExecutionCore core, decimal price, decimal size, UnixNanos ts) =>
        core.Venue.OnTrade(new TradeTick(Aapl, Price.FromDecimal(price, 2), Quantity.FromDecimal(size, 0), AggressorSide.Seller,
            new TradeId($"T{ts.Value}"), ts));
}
