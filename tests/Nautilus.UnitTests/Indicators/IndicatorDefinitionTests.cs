using Nautilus.Indicators;
using Nautilus.Model;

namespace Nautilus.UnitTests.Indicators;

/// <summary>
/// Each streaming (O(1)) indicator against its textbook definition recomputed from the whole window at every bar,
/// on TA-Lib's reference bars: the incremental bookkeeping must not drift from the definition.
/// </summary>
public sealed class IndicatorDefinitionTests
{
    private static readonly IReadOnlyList<Bar> Bars = TaLibReference.Bars;
    private static readonly IReadOnlyList<(double Open, double High, double Low, double Close, double Volume)> Rows = TaLibReference.Rows;
    private static readonly double[] Closes = [.. TaLibReference.Closes];

    private static double Mean(ReadOnlySpan<double> xs)
    {
        var sum = 0.0;
        foreach (var x in xs)
        {
            sum += x;
        }

        return sum / xs.Length;
    }

    private static double PopulationSd(ReadOnlySpan<double> xs)
    {
        var mean = Mean(xs);
        var sum = 0.0;
        foreach (var x in xs)
        {
            sum += (x - mean) * (x - mean);
        }

        return Math.Sqrt(sum / xs.Length);
    }

    private static void Close(double expected, double actual, double tolerance = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    [Fact]
    public void Wma_weighs_the_newest_input_most()
    {
        var values = TaLibReference.Run(new Wma(10), Closes);
        for (var i = 9; i < Closes.Length; i++)
        {
            var expected = Enumerable.Range(0, 10).Sum(j => (j + 1) * Closes[i - 9 + j]) / 55.0;
            Close(expected, values[i]);
        }

        Assert.True(double.IsNaN(values[8]));
    }

    [Fact]
    public void Bollinger_bands_are_sma_plus_minus_two_population_deviations()
    {
        var bands = new BollingerBands(20, 2);
        for (var i = 0; i < Closes.Length; i++)
        {
            bands.Update(Closes[i]);
            if (i < 19)
            {
                Assert.False(bands.IsReady);
                continue;
            }

            var window = Closes.AsSpan(i - 19, 20);
            Close(Mean(window), bands.Current);
            Close(Mean(window) + 2 * PopulationSd(window), bands.Upper);
            Close(Mean(window) - 2 * PopulationSd(window), bands.Lower);
            Close((Closes[i] - bands.Lower) / (bands.Upper - bands.Lower), bands.PercentB);
        }
    }

    [Fact]
    public void Atr_is_wilder_smoothed_true_range_seeded_with_the_mean_of_the_first_fourteen()
    {
        var tr = new double[Bars.Count];
        for (var i = 1; i < Bars.Count; i++)
        {
            var b = Rows[i];
            var pc = Rows[i - 1].Close;
            tr[i] = Math.Max(b.High - b.Low, Math.Max(Math.Abs(b.High - pc), Math.Abs(b.Low - pc)));
        }

        var expected = tr.Skip(1).Take(14).Average();
        var values = TaLibReference.Run(new Atr(14), Bars);
        Assert.Equal(14, Array.FindIndex(values, v => !double.IsNaN(v)));
        Close(expected, values[14]);
        for (var i = 15; i < Bars.Count; i++)
        {
            expected = (expected * 13 + tr[i]) / 14;
            Close(expected, values[i]);
        }
    }

    [Fact]
    public void Stochastic_slow_k_and_d_are_smas_of_fast_k()
    {
        var fastK = new double[Bars.Count];
        for (var i = 4; i < Bars.Count; i++)
        {
            var window = Rows.Skip(i - 4).Take(5).ToArray();
            var hh = window.Max(b => b.High);
            var ll = window.Min(b => b.Low);
            fastK[i] = hh > ll ? 100 * (Rows[i].Close - ll) / (hh - ll) : 0;
        }

        var stochastic = new Stochastic(5, 3, 3);
        for (var i = 0; i < Bars.Count; i++)
        {
            stochastic.Update(Bars[i]);
            if (i < 8)
            {
                Assert.False(stochastic.IsReady);
                continue;
            }

            var slowK = new Func<int, double>(j => (fastK[j] + fastK[j - 1] + fastK[j - 2]) / 3);
            Close(slowK(i), stochastic.Current);
            Close((slowK(i) + slowK(i - 1) + slowK(i - 2)) / 3, stochastic.D);
        }
    }

    [Fact]
    public void Obv_adds_up_volume_and_subtracts_down_volume_from_the_first_bar()
    {
        var values = TaLibReference.Run(new Obv(), Bars);
        var obv = Rows[0].Volume;
        Assert.Equal(obv, values[0]);
        for (var i = 1; i < Bars.Count; i++)
        {
            obv += Math.Sign(Rows[i].Close - Rows[i - 1].Close) * Rows[i].Volume;
            Assert.Equal(obv, values[i]);
        }
    }

    [Fact]
    public void Vwap_weighs_typical_prices_by_volume_cumulatively_or_over_a_window()
    {
        var cumulative = TaLibReference.Run(new Vwap(), Bars);
        var rolling = TaLibReference.Run(new Vwap(10), Bars);
        for (var i = 0; i < Bars.Count; i++)
        {
            var all = Rows.Take(i + 1).ToArray();
            Close(all.Sum(b => Typical(b) * b.Volume) / all.Sum(b => b.Volume), cumulative[i]);
            var last = Rows.Skip(Math.Max(0, i - 9)).Take(Math.Min(10, i + 1)).ToArray();
            Close(last.Sum(b => Typical(b) * b.Volume) / last.Sum(b => b.Volume), rolling[i]);
        }
    }

    [Fact]
    public void Realized_volatility_is_the_annualised_sample_deviation_of_log_returns()
    {
        var values = TaLibReference.Run(new RealizedVolatility(20, 252), Closes);
        var logReturns = Closes.Zip(Closes.Skip(1), (a, b) => Math.Log(b / a)).ToArray();
        Assert.Equal(20, Array.FindIndex(values, v => !double.IsNaN(v)));
        for (var i = 20; i < Closes.Length; i++)
        {
            var window = logReturns.AsSpan(i - 20, 20);
            var mean = Mean(window);
            var sampleVariance = 0.0;
            foreach (var r in window)
            {
                sampleVariance += (r - mean) * (r - mean);
            }

            Close(Math.Sqrt(sampleVariance / 19) * Math.Sqrt(252), values[i], 1e-8);
        }
    }

    [Fact]
    public void Returns_simple_and_log()
    {
        var simple = TaLibReference.Run(new Returns(), Closes);
        var log = TaLibReference.Run(new Returns(log: true), Closes);
        Assert.True(double.IsNaN(simple[0]));
        Close(Closes[1] / Closes[0] - 1, simple[1]);
        Close(Math.Log(Closes[^1] / Closes[^2]), log[^1]);
    }

    [Fact]
    public void Z_score_and_correlation_stay_exact_on_prices_far_from_zero()
    {
        // A million plus small moves: raw sums of squares would lose every significant digit here.
        var xs = Closes.Select(c => 1_000_000 + c / 100).ToArray();
        var ys = Closes.Select((c, i) => 2_000_000 - c / 50 + (i % 7) * 0.003).ToArray();
        var z = new ZScore(30);
        var correlation = new RollingCorrelation(30);
        for (var i = 0; i < xs.Length; i++)
        {
            z.Update(xs[i]);
            correlation.Update((xs[i], ys[i]));
            if (i < 29)
            {
                continue;
            }

            var wx = xs.AsSpan(i - 29, 30);
            var wy = ys.AsSpan(i - 29, 30);
            Close((xs[i] - Mean(wx)) / PopulationSd(wx), z.Current, 1e-6);

            double mx = Mean(wx), my = Mean(wy), sxy = 0, sxx = 0, syy = 0;
            for (var j = 0; j < 30; j++)
            {
                sxy += (wx[j] - mx) * (wy[j] - my);
                sxx += (wx[j] - mx) * (wx[j] - mx);
                syy += (wy[j] - my) * (wy[j] - my);
            }

            Close(sxy / Math.Sqrt(sxx * syy), correlation.Current, 1e-6);
        }
    }

    [Fact]
    public void Macd_follows_ta_lib_alignment_of_the_fast_ema()
    {
        // TA-Lib's MACD seeds the fast EMA on the 12 closes ending where the slow EMA's seed ends (bars 14..25).
        static double[] Ema(double[] xs, int period, int start)
        {
            var result = Enumerable.Repeat(double.NaN, xs.Length).ToArray();
            var ema = xs.Skip(start).Take(period).Average();
            result[start + period - 1] = ema;
            for (var i = start + period; i < xs.Length; i++)
            {
                ema += 2.0 / (period + 1) * (xs[i] - ema);
                result[i] = ema;
            }

            return result;
        }

        var fast = Ema(Closes, 12, 14);
        var slow = Ema(Closes, 26, 0);
        var line = Closes.Select((_, i) => fast[i] - slow[i]).ToArray();
        var signal = Ema(line, 9, 25);

        var macd = new Macd(12, 26, 9);
        for (var i = 0; i < Closes.Length; i++)
        {
            macd.Update(Closes[i]);
            if (i < 33)
            {
                Assert.False(macd.IsReady);
                continue;
            }

            Close(line[i], macd.Current);
            Close(signal[i], macd.Signal);
            Close(line[i] - signal[i], macd.Histogram);
        }
    }

    [Fact]
    public void Indicators_compose_an_ema_of_an_rsi()
    {
        var rsi = new Rsi(14);
        var smoothed = new Ema(5).Of(rsi);
        var rsiValues = new List<double>();
        foreach (var close in Closes)
        {
            if (rsi.Update(close))
            {
                rsiValues.Add(rsi.Current);
            }
        }

        var expected = rsiValues.Take(5).Average();
        for (var i = 5; i < rsiValues.Count; i++)
        {
            expected += 2.0 / 6 * (rsiValues[i] - expected);
        }

        Assert.Equal(14 + 5, smoothed.WarmUpPeriod + rsi.WarmUpPeriod - 1);
        Close(expected, smoothed.Current);
    }

    [Fact]
    public void Book_imbalance_and_micro_price()
    {
        var book = new QuoteTick(new InstrumentId("X", "Y"), Price.Parse("99.0"), Quantity.Parse("300"), Price.Parse("101.0"), Quantity.Parse("100"),
            UnixNanos.Epoch);
        var imbalance = new BookImbalance();
        var micro = new MicroPrice();
        imbalance.Update(book);
        micro.Update(book);

        Assert.Equal(0.5, imbalance.Current);
        // Bids outweigh offers three to one: the next trade is likelier at the ask, so the fair price leans up.
        Assert.Equal((99.0 * 100 + 101.0 * 300) / 400, micro.Current);
        micro.Update(book with { BidSize = Quantity.Zero(0), AskSize = Quantity.Zero(0) });
        Assert.Equal(100.0, micro.Current);
    }

    [Fact]
    public void Reset_starts_over_and_bad_periods_are_refused()
    {
        var sma = new Sma(3);
        foreach (var c in Closes.Take(10))
        {
            sma.Update(c);
        }

        sma.Reset();
        Assert.False(sma.IsReady);
        Assert.True(double.IsNaN(sma.Current));
        foreach (var c in Closes.Take(3))
        {
            sma.Update(c);
        }

        Close(Closes.Take(3).Average(), sma.Current);

        Assert.Throws<ArgumentOutOfRangeException>(() => new Sma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Macd(26, 12, 9));
    }

    private static double Typical((double Open, double High, double Low, double Close, double Volume) bar) => (bar.High + bar.Low + bar.Close) / 3;
}
