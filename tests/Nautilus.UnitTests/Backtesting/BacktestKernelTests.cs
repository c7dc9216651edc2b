using System.Text.Json;
using Nautilus.Backtesting.Domain;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Model;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Strategy.Domain.Catalog;

namespace Nautilus.UnitTests.Backtesting;

public class BacktestKernelTests
{
    private static readonly InstrumentId Syn = new("SYN", "SIM");
    private static readonly InstrumentId Other = new("OTH", "SIM");

    /// <summary>Ten basis points of commission and ten of slippage a side: costs a strategy must beat.</summary>
    private static readonly VenueOptions Costly = new(TimeSpan.Zero, null, new BasisPointsFee(10, 10), new BasisPointsSlippage(10));

    private static double[] RandomWalk(int seed, int n, double drift = 0, double vol = 0.01)
    {
        var random = new Random(seed);
        var prices = new double[n];
        var price = 100.0;
        for (var i = 0; i < n; i++)
        {
            price *= Math.Exp(drift + vol * Gaussian(random));
            prices[i] = price;
        }

        return prices;
    }

    /// <summary>A planted edge for trend followers: 250-bar regimes drifting ±0.25 % a bar in turn (no net drift), 1 % noise.</summary>
    private static double[] Trending(int seed, int n)
    {
        var random = new Random(seed);
        var prices = new double[n];
        var price = 100.0;
        for (var i = 0; i < n; i++)
        {
            var drift = (i / 250 % 2 == 0 ? 1 : -1) * 0.0025;
            price *= Math.Exp(drift + 0.01 * Gaussian(random));
            prices[i] = price;
        }

        return prices;
    }

    /// <summary>A planted edge for mean reversion: log price an Ornstein-Uhlenbeck process pulled 10 % a bar to log 100.</summary>
    private static double[] MeanReverting(int seed, int n)
    {
        var random = new Random(seed);
        var prices = new double[n];
        var x = 0.0;
        for (var i = 0; i < n; i++)
        {
            x += -0.1 * x + 0.01 * Gaussian(random);
            prices[i] = 100 * Math.Exp(x);
        }

        return prices;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static BacktestResult Run(string strategy, Dictionary<string, double> parameters, double[] prices,
        VenueOptions? venue = null) =>
        BacktestBars.Run(strategy, parameters, BacktestBars.Daily(Syn, prices), BacktestBars.Settings(venue: venue, ids: Syn));

    [Fact]
    public void Sma_cross_makes_money_from_a_planted_trend_after_costs_and_none_on_random_walks()
    {
        var parameters = new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 50 };
        var trend = Enumerable.Range(1, 10).Select(seed => Run("sma-cross", parameters, Trending(seed, 2_000),
            Costly).FinalEquity / 100_000 - 1)
            .ToArray();
        var walk = Enumerable.Range(1, 30).Select(seed => Run("sma-cross", parameters, RandomWalk(seed, 2_000),
            Costly).FinalEquity / 100_000 - 1)
            .ToArray();

        Assert.All(trend, r => Assert.True(r > 0.2, $"a trend run returned {r:P1}"));
        var (mean, error) = (walk.Average(),
            Math.Sqrt(walk.Select(r => (r - walk.Average()) * (r - walk.Average())).Sum() / (walk.Length - 1) / walk.Length));
        // No edge: the mean over 30 walks is not above zero by two standard errors, and the costs show.
        Assert.True(mean < 2 * error, $"random walks returned {mean:P2} ± {error:P2} on average");
        Assert.True(mean < 0, $"random walks returned {mean:P2} on average after costs");
    }

    [Fact]
    public void Mean_reversion_makes_money_from_a_planted_reverting_price_and_none_on_random_walks()
    {
        var parameters = new Dictionary<string, double> { ["window"] = 20, ["entryZ"] = 1.5, ["exitZ"] = 0.25, ["allowShort"] = 1 };
        var planted = Enumerable.Range(1, 10).Select(seed => Run("mean-reversion", parameters, MeanReverting(seed, 2_000), Costly))
            .ToArray();
        var walk = Enumerable.Range(1, 30).Select(seed => Run("mean-reversion", parameters, RandomWalk(seed, 2_000),
            Costly).FinalEquity / 100_000 - 1)
            .ToArray();

        Assert.All(planted, r => Assert.True(r.FinalEquity > 120_000, $"a planted run ended at {r.FinalEquity:F0}"));
        Assert.Contains(planted[0].Trades, t => t.Side == PositionSide.Short); // it shorts too
        Assert.True(walk.Average() < 0, $"random walks returned {walk.Average():P2} on average after costs");
    }

    [Fact]
    public void The_same_inputs_give_the_same_orders_fills_and_equity_byte_for_byte()
    {
        var prices = Trending(7, 1_500);
        var parameters = new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 30, ["atrStop"] = 2 };
        var first = Run("sma-cross", parameters, prices, Costly);
        var second = Run("sma-cross", parameters, prices, Costly);
        var json = (BacktestResult r) => JsonSerializer.Serialize(new { r.Orders, r.Fills, r.Equity, r.Trades, r.FinalCash });
        Assert.True(first.Fills.Count > 20);
        Assert.Equal(json(first), json(second));
    }

    [Fact]
    public void An_atr_stop_protects_each_entry_and_after_it_triggers_the_strategy_waits_for_a_new_crossing()
    {
        // Up 2 % a bar; two bars after the entry fills, one bar gaps down 10 % (through the stop) while the averages stay
        // crossed up; then up again.
        var prices = Enumerable.Range(0, 60).Select(i => 100 * Math.Pow(1.02, i) * (i >= 13 ? 0.9 : 1)).ToArray();
        var result = Run("sma-cross", new() { ["fast"] = 3, ["slow"] = 10, ["atrStop"] = 2, ["atrPeriod"] = 5 }, prices);
        var stop = result.Orders.First(o => o.Type == OrderType.StopMarket);
        Assert.Equal(OrderStatus.Filled, stop.Status);
        var stopFill = result.Fills.Single(f => f.OrderId == stop.Id);
        Assert.Equal((decimal)Math.Round(prices[13], 4), stopFill.Price); // the gap's open, below the trigger
        Assert.True(stopFill.Price < stop.TriggerPrice!.Value.ToDecimal());
        // Still crossed up for bars afterwards, when a strategy that did not wait would have bought again at once; this one
        // buys only after the averages have crossed down and up again.
        var down = result.Signals.First(s => s.Ts > stopFill.TsEvent && s.Strength == 0);
        Assert.True(down.Ts - stopFill.TsEvent >= TimeSpan.FromDays(2), $"crossed down {down.Ts - stopFill.TsEvent} after the stop");
        Assert.All(result.Fills.Where(f => f.TsEvent > stopFill.TsEvent && f.Side == OrderSide.Buy), f => Assert.True(f.TsEvent > down.Ts));
        Assert.Contains(result.Fills, f => f.TsEvent > down.Ts && f.Side == OrderSide.Buy);
    }

    [Fact]
    public void Vol_targeting_sizes_positions_to_the_target_volatility()
    {
        var prices = RandomWalk(3, 300, drift: 0.002, vol: 0.02);
        var full = Run("sma-cross", new() { ["fast"] = 5, ["slow"] = 20 }, prices);
        var targeted = Run("sma-cross", new() { ["fast"] = 5, ["slow"] = 20, ["volTarget"] = 0.1 }, prices);
        // 2 % a day is about 32 % a year: a 10 % target holds roughly a third of what all-in holds.
        var ratio = (double)(targeted.Fills[0].Quantity.ToDecimal() / full.Fills[0].Quantity.ToDecimal());
        Assert.InRange(ratio, 0.2, 0.5);
    }

    [Fact]
    public void Orders_pass_the_risk_engines_pre_trade_check_and_a_breached_limit_denies_them_with_the_reason()
    {
        var limits = new LimitBook([new RiskLimit(LimitScope.Global, "", LimitKind.MaxNotional, 50_000)]);
        var settings = BacktestBars.Settings(ids: Syn) with { Limits = limits };
        var result = BacktestBars.Run("sma-cross", new() { ["fast"] = 3, ["slow"] = 10 }, BacktestBars.Daily(Syn, Trending(1, 100)),
            settings);
        var denied = result.Orders.Where(o => o.Status == OrderStatus.Denied).ToArray();
        Assert.NotEmpty(denied);
        Assert.Contains("MaxNotional", denied[0].Reason);
        Assert.Empty(result.Fills);
    }

    [Fact]
    public void Pairs_trades_both_legs_of_a_cointegrated_pair_in_opposite_directions()
    {
        var x = RandomWalk(11, 1_000);
        var spread = MeanReverting(12, 1_000);
        var y = x.Select((p, i) => p * spread[i] / 100).ToArray();
        var bars = BacktestBars.Daily(Syn, y).Zip(BacktestBars.Daily(Other, x)).SelectMany(p => new[] { p.First, p.Second }).ToArray();
        var result = BacktestBars.Run("pairs", new() { ["window"] = 30, ["entryZ"] = 1.5 }, bars, BacktestBars.Settings(ids: [Syn, Other]));
        var first = result.Fills.Take(2).ToArray();
        Assert.Equal([Syn, Other], first.Select(f => f.InstrumentId));
        Assert.NotEqual(first[0].Side, first[1].Side);
        Assert.True(result.FinalEquity > 120_000, $"pairs on a planted spread ended at {result.FinalEquity:F0}");
    }

    [Fact]
    public void Bars_out_of_order_are_refused_naming_the_index()
    {
        var bars = BacktestBars.Daily(Syn, RandomWalk(1, 10));
        (bars[4], bars[5]) = (bars[5], bars[4]);
        var error = Assert.Throws<BacktestInputException>(() =>
            BacktestBars.Run("sma-cross", new() { ["fast"] = 2, ["slow"] = 3 }, bars, BacktestBars.Settings(ids: Syn)));
        Assert.Equal("bars", error.Field);
        Assert.Contains("[5]", error.Problem);
    }

    [Theory]
    [InlineData("sma-cross", "fast", 50, "parameters.fast")] // fast ≥ slow (50 = default slow)
    [InlineData("sma-cross", "fast", 2.5, "parameters.fast")]
    [InlineData("sma-cross", "speed", 2, "parameters.speed")]
    [InlineData("momentum", "fast", 2, "strategy")]
    [InlineData("mean-reversion", "exitZ", 3, "parameters.exitZ")]
    public void Bad_strategy_configurations_name_the_field(string strategy, string parameter, double value, string field) =>
        Assert.Equal(field, Assert.Throws<StrategyConfigurationException>(() =>
            StrategyCatalog.Create(strategy, new Dictionary<string, double> { [parameter] = value }, 1)).Field);

    [Fact]
    public void A_strategy_for_two_instruments_refuses_one() =>
        Assert.Equal("instruments", Assert.Throws<StrategyConfigurationException>(() => StrategyCatalog.Create("pairs", null, 1)).Field);
}
