using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Simulation;
using Nautilus.Model;

namespace Nautilus.UnitTests.MarketData;

public sealed class MarketSimulatorTests
{
    private static readonly SimulatedInstrument[] Six =
    [
        new("A1", "Tech", 100, 0.30, 0.01, 1), new("A2", "Tech", 250, 0.30, 0.01, 1), new("A3", "Tech", 40, 0.30, 0.01, 1),
        new("B1", "Energy", 80, 0.30, 0.01, 1), new("B2", "Energy", 120, 0.30, 0.01, 1), new("B3", "Energy", 60, 0.30, 0.01, 1),
    ];

    private static MarketEvent[] Take(MarketSimulator simulator, int count)
    {
        var events = new MarketEvent[count];
        for (var i = 0; i < count; i++)
        {
            simulator.Next(out events[i]);
        }

        return events;
    }

    [Fact]
    public void The_same_seed_gives_the_same_ticks_and_another_seed_does_not()
    {
        var a = Take(new MarketSimulator(Six, new SimulatorOptions { Seed = 7 }), 50_000);
        var b = Take(new MarketSimulator(Six, new SimulatorOptions { Seed = 7 }), 50_000);
        var c = Take(new MarketSimulator(Six, new SimulatorOptions { Seed = 8 }), 50_000);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Books_are_never_crossed_and_every_instrument_counts_its_own_sequence()
    {
        var simulator = new MarketSimulator(Six, new SimulatorOptions { Seed = 1 });
        var lastSeq = new long[Six.Length];
        var lastTs = 0L;
        var trades = 0;
        Span<double> bp = stackalloc double[10], bs = stackalloc double[10], ap = stackalloc double[10], az = stackalloc double[10];
        for (var n = 0; n < 200_000; n++)
        {
            simulator.Next(out var e);
            Assert.True(e.BidPrice > 0 && e.BidPrice < e.AskPrice, $"crossed or empty book at event {n}: {e.BidPrice} / {e.AskPrice}");
            Assert.True(e.BidSize > 0 && e.AskSize > 0);
            Assert.Equal(lastSeq[e.Instrument] + 1, e.Seq);
            Assert.True(e.TsNs >= lastTs);
            lastSeq[e.Instrument] = e.Seq;
            lastTs = e.TsNs;
            if (e.Kind == MarketEventKind.Trade)
            {
                trades++;
                Assert.True(e.Size > 0);
                // A buyer lifts the offer side, a seller hits the bid side (prints walk the book, so compare direction).
                Assert.NotEqual(AggressorSide.None, e.Aggressor);
            }
        }

        Assert.InRange(trades, 40_000, 120_000);
        simulator.CopyBook(0, bp, bs, ap, az);
        for (var k = 1; k < 10; k++)
        {
            Assert.True(bp[k] < bp[k - 1] && ap[k] > ap[k - 1]);
            Assert.True(bs[k] > 0 && az[k] > 0);
        }
    }

    [Fact]
    public void Returns_correlate_within_a_sector_more_than_across_sectors()
    {
        // Factor model with loadings 0.5/0.5: within-sector correlation 0.5, across 0.25 (before trading noise).
        var simulator = new MarketSimulator(Six, new SimulatorOptions { Seed = 3, EventsPerSecond = 30, InformedEpisodesPerDay = 0, JumpsPerDay = 0 });
        var samples = new List<double[]>();
        var next = 0L;
        const long every = 120_000_000_000L; // two simulated minutes
        var start = simulator.NowNs;
        while (samples.Count < 600)
        {
            simulator.Next(out var e);
            if (e.TsNs - start >= next)
            {
                samples.Add(Enumerable.Range(0, Six.Length).Select(i => Math.Log(simulator.FairPrice(i))).ToArray());
                next += every;
            }
        }

        double Correlation(int x, int y)
        {
            var rx = samples.Zip(samples.Skip(1), (a, b) => b[x] - a[x]).ToArray();
            var ry = samples.Zip(samples.Skip(1), (a, b) => b[y] - a[y]).ToArray();
            double mx = rx.Average(), my = ry.Average();
            var cov = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
            return cov / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
        }

        var within = new[] { Correlation(0, 1), Correlation(1, 2), Correlation(3, 4), Correlation(4, 5) }.Average();
        var across = new[] { Correlation(0, 3), Correlation(1, 4), Correlation(2, 5) }.Average();
        Assert.InRange(within, 0.35, 0.65);
        Assert.InRange(across, 0.10, 0.40);
    }

    [Fact]
    public void Informed_episodes_tilt_the_order_flow_their_way()
    {
        var simulator = new MarketSimulator(Six[..1], new SimulatorOptions { Seed = 11, EventsPerSecond = 50, InformedEpisodesPerDay = 8 });
        double informedWithFlow = 0, informedTrades = 0, uninformedBuys = 0, uninformedTrades = 0;
        for (var n = 0; n < 2_000_000; n++)
        {
            simulator.Next(out var e);
            if (e.Kind != MarketEventKind.Trade)
            {
                continue;
            }

            var direction = simulator.InformedDirection(0);
            var buy = e.Aggressor == AggressorSide.Buyer;
            if (direction != 0)
            {
                informedTrades++;
                informedWithFlow += buy == direction > 0 ? 1 : 0;
            }
            else
            {
                uninformedTrades++;
                uninformedBuys += buy ? 1 : 0;
            }
        }

        Assert.True(informedTrades > 1_000, "episodes happened");
        Assert.InRange(informedWithFlow / informedTrades, 0.65, 0.9);
        Assert.InRange(uninformedBuys / uninformedTrades, 0.42, 0.58);
    }

    [Fact]
    public void A_flash_crash_takes_the_price_down_nine_percent_and_it_recovers()
    {
        var simulator = new MarketSimulator(Six[..1], new SimulatorOptions { Seed = 5, EventsPerSecond = 200, InformedEpisodesPerDay = 0, JumpsPerDay = 0 });
        Take(simulator, 10_000);
        var before = simulator.FairPrice(0);
        simulator.Inject(0, Scenario.FlashCrash(-0.09, seconds: 300, recovery: 600));

        var start = simulator.NowNs;
        double low = double.MaxValue, lastBid = 0;
        MarketEvent e;
        do
        {
            simulator.Next(out e);
            low = Math.Min(low, e.BidPrice);
            lastBid = e.BidPrice;
        }
        while (e.TsNs - start < 300_000_000_000L);

        Assert.InRange(low / before - 1, -0.14, -0.06);
        do
        {
            simulator.Next(out e);
            lastBid = e.BidPrice;
        }
        while (e.TsNs - start < 900_000_000_000L);

        Assert.InRange(lastBid / before - 1, -0.04, 0.04);
        Assert.Throws<ArgumentException>(() => simulator.Inject(0, Scenario.FlashCrash(fall: 0.2)));
    }
}
