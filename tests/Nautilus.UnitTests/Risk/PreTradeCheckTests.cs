using Microsoft.Extensions.Time.Testing;
using Nautilus.Model;
using Nautilus.Risk.Domain.Limits;

namespace Nautilus.UnitTests.Risk;

public sealed class PreTradeCheckTests
{
    private static readonly PortfolioId Fund = new("fund-1");
    private static readonly InstrumentId Aapl = new("AAPL", "XNAS");
    private static readonly InstrumentId Msft = new("MSFT", "XNAS");

    private static PortfolioExposure Exposure()
    {
        var exposure = new PortfolioExposure(Fund);
        exposure.SetAccount(equity: 1_000_000, dailyPnl: 0);
        exposure.SetPosition(Aapl, 1_000, 200);  // 200,000
        exposure.SetPosition(Msft, -500, 400);   // −200,000
        return exposure;
    }

    private static OrderIntent Buy(InstrumentId instrument, double quantity, double price) => new(Fund, null, instrument, OrderSide.Buy,
        quantity, price);

    private static OrderIntent Sell(InstrumentId instrument, double quantity, double price) => new(Fund, null, instrument, OrderSide.Sell,
        quantity, price);

    private static PreTradeDecision Check(OrderIntent order, LimitBook limits, TradingState global = TradingState.Active,
        TradingState portfolio = TradingState.Active, int rate = 0, PortfolioExposure? exposure = null) =>
        PreTradeCheck.Check(order, exposure ?? Exposure(), limits, global, portfolio, rate);

    [Fact]
    public void Within_every_limit_an_order_passes()
    {
        var limits = new LimitBook([
            new RiskLimit(LimitScope.Global, "", LimitKind.MaxNotional, 100_000),
            new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxGrossExposure, 500_000),
            new RiskLimit(LimitScope.Instrument, "AAPL", LimitKind.MaxPosition, 1_500),
        ]);
        var decision = Check(Buy(Aapl, 100, 200), limits);
        Assert.True(decision.Accepted);
        Assert.Empty(decision.Breaches);
    }

    [Fact]
    public void Each_limit_breached_is_reported_with_the_value_the_order_would_reach()
    {
        var limits = new LimitBook([
            new RiskLimit(LimitScope.Instrument, "AAPL", LimitKind.MaxPosition, 1_200),
            new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxGrossExposure, 450_000),
            new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxConcentration, 0.5),
            new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxLeverage, 0.45),
        ]);
        // Buying 500 AAPL at 200: position 1,500, gross 300,000 + 200,000 = 500,000, AAPL 60 %, leverage 0.5.
        var decision = Check(Buy(Aapl, 500, 200), limits);

        Assert.False(decision.Accepted);
        Assert.Equal([(LimitKind.MaxGrossExposure, 500_000.0), (LimitKind.MaxConcentration, 0.6), (LimitKind.MaxLeverage, 0.5),
            (LimitKind.MaxPosition, 1_500.0)], decision.Breaches.Select(b => (b.Kind, Math.Round(b.Value, 9))));
        Assert.Contains("MaxGrossExposure", decision.Reason);
    }

    [Fact]
    public void Reducing_lets_through_only_orders_that_shrink_a_position_without_flipping_it()
    {
        var none = LimitBook.Empty;
        Assert.True(Check(Sell(Aapl, 400, 200), none, portfolio: TradingState.Reducing).Accepted);
        Assert.True(Check(Buy(Msft, 500, 400), none, global: TradingState.Reducing).Accepted);   // to flat
        Assert.False(Check(Sell(Aapl, 1_500, 200), none, portfolio: TradingState.Reducing).Accepted); // flips short
        Assert.False(Check(Buy(Aapl, 1, 200), none, global: TradingState.Reducing).Accepted);
        var halted = Check(Sell(Aapl, 1, 200), none, global: TradingState.Halted);
        Assert.False(halted.Accepted);
        Assert.Equal(TradingState.Halted, halted.TradingState);
        Assert.Contains("kill switch", halted.Reason);
    }

    [Fact]
    public void A_breached_daily_loss_limit_turns_the_portfolio_to_reducing_only()
    {
        var exposure = Exposure();
        exposure.SetAccount(equity: 950_000, dailyPnl: -60_000);
        var limits = new LimitBook([new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxDailyLoss, 50_000)]);

        var adding = Check(Buy(Aapl, 10, 200), limits, exposure: exposure);
        Assert.False(adding.Accepted);
        Assert.Equal(TradingState.Reducing, adding.TradingState);
        Assert.Equal(60_000, Assert.Single(adding.Breaches).Value);

        var cutting = Check(Sell(Aapl, 10, 200), limits, exposure: exposure);
        Assert.True(cutting.Accepted);
        Assert.Single(cutting.Breaches);
    }

    [Fact]
    public void The_order_rate_is_counted_on_the_callers_clock()
    {
        var clock = new FakeTimeProvider();
        var window = new OrderRateWindow(clock);
        var limits = new LimitBook([new RiskLimit(LimitScope.Portfolio, "fund-1", LimitKind.MaxOrderRate, 3)]);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(Check(Buy(Aapl, 1, 200), limits, rate: window.InLastSecond()).Accepted);
            window.Record();
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.False(Check(Buy(Aapl, 1, 200), limits, rate: window.InLastSecond()).Accepted);
        clock.Advance(TimeSpan.FromMilliseconds(800)); // the first order leaves the window
        Assert.True(Check(Buy(Aapl, 1, 200), limits, rate: window.InLastSecond()).Accepted);
    }

    [Fact]
    public void Contradicting_or_meaningless_limits_are_refused_by_field()
    {
        var twice = Assert.Throws<LimitConflictException>(() => new LimitBook([
            new RiskLimit(LimitScope.Instrument, "AAPL", LimitKind.MaxPosition, 100),
            new RiskLimit(LimitScope.Instrument, "AAPL", LimitKind.MaxPosition, 200),
        ]));
        Assert.Equal("limits", Assert.Single(twice.Problems).Field);

        var bad = Assert.Throws<LimitConflictException>(() => new LimitBook([
            new RiskLimit(LimitScope.Portfolio, "", LimitKind.MaxConcentration, 1.5),
        ]));
        Assert.Equal(["limits[0].key", "limits[0].value"], bad.Problems.Select(p => p.Field));
    }

    [Fact]
    public void A_var_limit_binds_portfolios_only_and_its_utilisation_is_the_last_computed_var()
    {
        var problems = new RiskLimit(LimitScope.Strategy, "momentum", LimitKind.MaxVar, 10_000).Problems().ToArray();
        Assert.Equal(["scope"], problems.Select(p => p.Field));
        Assert.Empty(new RiskLimit(LimitScope.Portfolio, "fund", LimitKind.MaxVar, 10_000).Problems());

        var exposure = new PortfolioExposure(new PortfolioId("fund"));
        Assert.Null(exposure.Measure(LimitKind.MaxVar));
        exposure.SetVar(12_345);
        Assert.Equal(12_345, exposure.Measure(LimitKind.MaxVar));
        Assert.Null(exposure.Measure(LimitKind.MaxNotional)); // an order's measure, not the portfolio's
    }

    [Fact]
    public void An_instrument_with_a_flash_crash_warning_takes_only_orders_that_shrink_a_position_in_it()
    {
        var limits = new LimitBook([]);
        var increase = PreTradeCheck.Check(Buy(Aapl, 10, 200), Exposure(), limits, TradingState.Active, TradingState.Active, 0,
            TradingState.Reducing);
        Assert.False(increase.Accepted);
        Assert.Equal(TradingState.Reducing, increase.TradingState);
        Assert.Contains("flash-crash", increase.Reason);

        // Selling 400 of the 1,000 AAPL held shrinks the position; selling 1,500 would flip it short.
        Assert.True(PreTradeCheck.Check(Sell(Aapl, 400, 200), Exposure(), limits, TradingState.Active, TradingState.Active, 0,
            TradingState.Reducing).Accepted);
        Assert.False(PreTradeCheck.Check(Sell(Aapl, 1_500, 200), Exposure(), limits, TradingState.Active, TradingState.Active, 0,
            TradingState.Reducing).Accepted);
        // Other instruments are untouched.
        Assert.True(PreTradeCheck.Check(Buy(Msft, 10, 400), Exposure(), limits, TradingState.Active, TradingState.Active, 0,
            TradingState.Active).Accepted);
    }
}
