using Nautilus.Factor.Domain;

namespace Nautilus.UnitTests.Factor;

/// <summary>Style scores worked by hand, and the model over history recovering planted market and sector returns.</summary>
public class FactorModelTests
{
    [Fact]
    public void Style_scores_follow_their_definitions()
    {
        // Closes grow 1 % a day: momentum ln(1.01^(252−21)), zero volatility; dollar volume of the last 21 days.
        var closes = Enumerable.Range(0, 300).Select(d => 100 * Math.Pow(1.01, d)).ToArray();
        var volumes = Enumerable.Range(0, 300).Select(d => 1_000.0 + d).ToArray();

        Assert.Equal(231 * Math.Log(1.01), StyleScores.Momentum(closes, 299), 10);
        Assert.Equal(0, StyleScores.Volatility(closes, 299), 6);
        var expected = Enumerable.Range(279, 21).Average(d => closes[d] * volumes[d]);
        Assert.Equal(expected, StyleScores.DollarVolume(closes, volumes, 299, 21), 6);
        Assert.True(double.IsNaN(StyleScores.Momentum(closes, 251)));

        // Alternating ±1 % log returns: the sample standard deviation of 63 of them (32 up, 31 down).
        var zigzag = new double[70];
        zigzag[0] = 100;
        for (var d = 1; d < 70; d++)
        {
            zigzag[d] = zigzag[d - 1] * Math.Exp(d % 2 == 0 ? -0.01 : 0.01);
        }

        var returns = Enumerable.Range(7, 63).Select(d => Math.Log(zigzag[d] / zigzag[d - 1])).ToArray();
        var mean = returns.Average();
        Assert.Equal(Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 62), StyleScores.Volatility(zigzag, 69), 12);
    }

    [Fact]
    public void Planted_market_and_sector_returns_are_recovered_exactly_when_styles_earn_nothing()
    {
        // 12 assets in 3 sectors; random history for a year, then 40 days where every return is market + sector exactly.
        var random = new Random(11);
        const int n = 12, days = 300;
        var sectors = Enumerable.Range(0, n).Select(i => $"S{i % 3}").ToArray();
        var closes = Enumerable.Range(0, n).Select(_ => new double[days]).ToArray();
        var volumes = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, days).Select(_ => 1e5 * (1 + random.NextDouble())).ToArray())
            .ToArray();
        var market = new double[days];
        var sector = new double[days][];
        for (var i = 0; i < n; i++)
        {
            closes[i][0] = 50 + 10 * i;
        }

        for (var t = 1; t < days; t++)
        {
            market[t] = 0.01 * (random.NextDouble() - 0.5);
            var a = 0.004 * (random.NextDouble() - 0.5);
            var b = 0.004 * (random.NextDouble() - 0.5);
            sector[t] = [a, b, -a - b];
            for (var i = 0; i < n; i++)
            {
                var r = t <= StyleScores.FirstDay ? 0.02 * (random.NextDouble() - 0.5) : market[t] + sector[t][i % 3];
                closes[i][t] = closes[i][t - 1] * (1 + r);
            }
        }

        var dates = Enumerable.Range(0, days).Select(d => new DateOnly(2020, 1, 1).AddDays(d)).ToArray();
        var model = FactorModel.Build(new UniverseHistory(dates, [.. Enumerable.Range(0, n).Select(i => $"A{i}")], closes, volumes,
            sectors, new double?[n]));

        Assert.Equal("dollar-volume", model.CapitalisationBasis);
        Assert.Equal(["momentum", "size", "volatility", "liquidity"], model.Styles);
        Assert.Equal(days - StyleScores.FirstDay - 1, model.Days.Count);
        foreach (var day in model.Days)
        {
            var t = Array.IndexOf(dates, day.Date);
            Assert.Equal(market[t], day.Returns.Market, 10);
            Assert.Equal(sector[t], day.Returns.Sectors, new Comparer(1e-10));
            Assert.All(day.Returns.Styles, s => Assert.Equal(0, s, 10));
            Assert.Equal(1, day.Returns.RSquared, 8);
        }
    }

    [Fact]
    public void Value_is_book_to_price_from_the_figures_published_by_the_day_and_zero_without_them()
    {
        // 12 assets, random walks; ten publish a book value on day 100 and a new one on day 280 that reverses their order.
        var random = new Random(5);
        const int n = 12, days = 300;
        var closes = Enumerable.Range(0, n).Select(i =>
        {
            var c = new double[days];
            c[0] = 20 + 3 * i;
            for (var t = 1; t < days; t++)
            {
                c[t] = c[t - 1] * (1 + 0.02 * (random.NextDouble() - 0.5));
            }

            return c;
        }).ToArray();
        var volumes = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, days).Select(_ => 1e5 * (1 + random.NextDouble())).ToArray())
            .ToArray();
        var dates = Enumerable.Range(0, days).Select(d => new DateOnly(2020, 1, 1).AddDays(d)).ToArray();
        var fundamentals = Enumerable.Range(0, n).Select(i => (IReadOnlyList<Fundamentals>)(i < 10
            ? [new Fundamentals(dates[280], 5.0 * (10 - i), null, null), new Fundamentals(dates[100], 1.0 + i, null, null)]
            : [])).ToArray();

        var model = FactorModel.Build(new UniverseHistory(dates, [.. Enumerable.Range(0, n).Select(i => $"A{i}")], closes, volumes,
            [.. Enumerable.Range(0, n).Select(i => $"S{i % 3}")], new double?[n], Fundamentals: fundamentals));

        Assert.Equal(["momentum", "size", "volatility", "liquidity", "value"], model.Styles);
        foreach (var (t, bookValue) in new (int, Func<int, double>)[] { (280, i => 1.0 + i), (281, i => 5.0 * (10 - i)) })
        {
            // Day t is regressed on exposures at the close of t − 1: the figure of day 280 is first used on day 281.
            var day = model.Days.Single(d => d.Date == dates[t]);
            var value = day.Assets.Select((i, j) => (i, Exposure: day.Exposures[j][4])).ToArray();
            Assert.All(value.Where(v => v.i >= 10), v => Assert.Equal(0, v.Exposure));
            var ranked = value.Where(v => v.i < 10).OrderBy(v => bookValue(v.i) / closes[v.i][t - 1]).Select(v => v.Exposure).ToArray();
            Assert.All(ranked.Zip(ranked.Skip(1)), p => Assert.True(p.First <= p.Second + 1e-12, string.Join(", ", ranked)));
            Assert.True(ranked[^1] > ranked[0]);
        }
    }

    private sealed class Comparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
