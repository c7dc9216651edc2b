using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Engine.Extensions;
using Nautilus.Execution.Engine.Persistence;
using Nautilus.Execution.Engine.State;
using Nautilus.Model;

namespace Nautilus.UnitTests.Execution;

/// <summary>
/// The live OMS on replayed bars, where the Strategy and Execution engines read the market-data bus each at its own pace:
/// an order is never filled by the bar its strategy was deciding on, however far behind the Execution engine's feed is.
/// </summary>
public class LiveExecutionTests
{
    private static readonly InstrumentId Aapl = new("AAPL", "XNAS");
    private static readonly DateOnly Day = new(2019, 6, 10);

    private static Bar Bar(int day, decimal open) =>
        new(new BarType(Aapl, 86_400), Price.FromDecimal(open, 2), Price.FromDecimal(open + 2, 2), Price.FromDecimal(open - 2, 2),
            Price.FromDecimal(open + 1, 2), Quantity.FromDecimal(1_000_000, 0), 0,
            UnixNanos.From(Day.AddDays(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));

    private static (LiveExecution Oms, ChannelReader<ExecutionEvent> Events) Oms()
    {
        var events = Channel.CreateUnbounded<ExecutionEvent>();
        var oms = new LiveExecution(Options.Create(new ExecutionOptions()), events, TimeProvider.System);
        oms.AddInstrument(TradableInstrument.Equity(Aapl));
        return (oms, events.Reader);
    }

    private static OrderRequest Buy(string id, UnixNanos tsEvent, UnixNanos? decidedAt) =>
        new(new ClientOrderId(id), new StrategyId("s"), new PortfolioId("p"), Aapl, OrderSide.Buy, OrderType.Market,
            Quantity.FromDecimal(10, 0), null, TimeInForce.Gtc, tsEvent, DecidedAt: decidedAt);

    private static void Send(LiveExecution oms, OrderRequest request)
    {
        oms.OnOrderRequest(request);
        oms.OnPreTradeResult(new PreTradeResult(request, true, TradingState.Active, null, request.TsEvent));
    }

    private static List<decimal> FillPrices(ChannelReader<ExecutionEvent> events)
    {
        var prices = new List<decimal>();
        while (events.TryRead(out var e))
        {
            if (e is FillMade made)
            {
                prices.Add(made.Fill.Price);
            }
        }

        return prices;
    }

    [Fact]
    public void A_strategy_order_from_a_bar_the_oms_has_not_seen_yet_fills_at_the_next_bars_open_not_that_bars()
    {
        var (oms, events) = Oms();
        oms.OnMarketData(Bar(0, 100));
        // The strategy has already handled day 1's bar and decided at its close; the OMS is still at day 0's close.
        var decided = Bar(1, 110).TsClose;
        Send(oms, Buy("s-1", decided, decided));

        oms.OnMarketData(Bar(1, 110));
        Assert.Empty(FillPrices(events));

        oms.OnMarketData(Bar(2, 120));
        Assert.Equal([120m], FillPrices(events));
    }

    [Fact]
    public void A_strategy_order_the_replay_outran_fills_at_the_open_after_its_decision_as_in_a_backtest()
    {
        var (oms, events) = Oms();
        oms.OnMarketData(Bar(0, 100));
        var decided = Bar(0, 100).TsClose;
        // The replay is two bars further on when the order, decided at day 0's close, reaches the OMS.
        oms.OnMarketData(Bar(1, 110));
        oms.OnMarketData(Bar(2, 120));
        Send(oms, Buy("s-2", decided, decided));

        Assert.Equal([110m], FillPrices(events));
    }

    [Fact]
    public void An_operator_order_the_replay_ran_past_while_it_was_checked_fills_at_the_open_after_it_was_placed()
    {
        var (oms, events) = Oms();
        oms.OnMarketData(Bar(0, 100));
        var request = Buy("op-2", UnixNanos.Now(TimeProvider.System), null);
        oms.OnOrderRequest(request);
        // The pre-trade check answers after two more bars.
        oms.OnMarketData(Bar(1, 110));
        oms.OnMarketData(Bar(2, 120));
        oms.OnPreTradeResult(new PreTradeResult(request, true, TradingState.Active, null, request.TsEvent));

        Assert.Equal([110m], FillPrices(events));
    }

    [Fact]
    public void An_operator_order_on_a_replayed_instrument_keeps_the_instruments_market_clock_and_fills_at_the_next_bar()
    {
        var (oms, events) = Oms();
        oms.OnMarketData(Bar(0, 100));
        // The operator's order carries the wall clock (years after the replayed bars) and no decision time.
        Send(oms, Buy("op-1", UnixNanos.Now(TimeProvider.System), null));

        oms.OnMarketData(Bar(1, 110));
        Assert.Equal([110m], FillPrices(events));
    }
}
