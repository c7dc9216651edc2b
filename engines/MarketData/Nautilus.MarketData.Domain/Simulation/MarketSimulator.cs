using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Simulation;

/// <summary>
/// A deterministic market: the same instruments, options and seed give the same events, in the same order, every
/// time (scenarios injected at the same event count included). See <see cref="SimulatorOptions"/> for the model.
/// Not thread-safe: one loop calls <see cref="Next"/>; others hand it scenarios to <see cref="Inject"/>.
/// </summary>
public sealed class MarketSimulator
{
    public const int Depth = 10;
    private const double TradingDaysPerYear = 252;

    private readonly SimulatorOptions _options;
    private readonly InstrumentState[] _states;
    private readonly Dictionary<string, int> _index;
    private readonly double[] _sectorFactor;
    private readonly double[] _sectorTime;
    private readonly double _idiosyncraticLoading;
    private readonly double _kappa;
    private readonly double _volOfVolPerSqrtSecond;
    private readonly double _jumpRatePerSecond;
    private readonly double _informedRatePerSecond;
    private readonly MarketEvent[] _pending = new MarketEvent[64];
    private int _pendingHead;
    private int _pendingCount;
    private double _marketFactor;
    private double _marketTime;
    private double _t;
    private Xoshiro256 _rng;

    public MarketSimulator(IReadOnlyList<SimulatedInstrument> instruments, SimulatorOptions options)
    {
        if (instruments.Count == 0)
        {
            throw new ArgumentException("The simulator needs at least one instrument.", nameof(instruments));
        }

        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"{problems[0].Field}: {problems[0].Problem}", nameof(options));
        }

        _options = options;
        Instruments = instruments;
        _rng = new Xoshiro256(options.Seed);
        var sectors = instruments.Select(i => i.Sector).Distinct().ToList();
        _sectorFactor = new double[sectors.Count];
        _sectorTime = new double[sectors.Count];
        _idiosyncraticLoading = Math.Sqrt(1 - options.MarketLoading * options.MarketLoading - options.SectorLoading * options.SectorLoading);
        var secondsPerYear = TradingDaysPerYear * options.SessionSeconds;
        _kappa = Math.Log(2) / options.VolatilityHalfLifeSeconds;
        // Ornstein–Uhlenbeck log-volatility whose stationary standard deviation is LogVolatilityStdDev.
        _volOfVolPerSqrtSecond = options.LogVolatilityStdDev * Math.Sqrt(2 * _kappa);
        _jumpRatePerSecond = options.JumpsPerDay / options.SessionSeconds;
        _informedRatePerSecond = options.InformedEpisodesPerDay / options.SessionSeconds;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        _states = new InstrumentState[instruments.Count];
        for (var i = 0; i < instruments.Count; i++)
        {
            var instrument = instruments[i];
            _index[instrument.Symbol] = i;
            _states[i] = new InstrumentState(i, instrument, sectors.IndexOf(instrument.Sector),
                instrument.AnnualVolatility / Math.Sqrt(secondsPerYear));
            var state = _states[i];
            state.BestBid = Math.Max(1, (long)Math.Round(instrument.InitialPrice / instrument.TickSize) - 1);
            state.BestAsk = state.BestBid + 2;
            for (var k = 0; k < Depth; k++)
            {
                state.BidSizes[k] = FreshSize(1);
                state.AskSizes[k] = FreshSize(1);
            }
        }
    }

    public IReadOnlyList<SimulatedInstrument> Instruments { get; }

    /// <summary>Events produced so far.</summary>
    public long Generated { get; private set; }

    /// <summary>Simulated time, Unix nanoseconds.</summary>
    public long NowNs => _options.StartNs + (long)(_t * 1e9);

    public int IndexOf(string symbol) => _index.TryGetValue(symbol, out var i) ? i : -1;

    /// <summary>The latent fair price the book is quoted around.</summary>
    public double FairPrice(int instrument) => Math.Exp(_states[instrument].LogFair);

    /// <summary>+1 or −1 while informed traders are buying or selling the instrument, 0 otherwise.</summary>
    public int InformedDirection(int instrument) =>
        _t < _states[instrument].InformedUntil ? _states[instrument].InformedDirection : 0;

    /// <summary>The next event in time order.</summary>
    public void Next(out MarketEvent e)
    {
        while (_pendingCount == 0)
        {
            Step();
        }

        e = _pending[_pendingHead];
        _pendingHead = (_pendingHead + 1) % _pending.Length;
        _pendingCount--;
        Generated++;
    }

    /// <summary>Starts a scenario on an instrument now. A gap opens at once; the others play out over their duration.</summary>
    public void Inject(int instrument, Scenario scenario)
    {
        if (scenario.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"{problems[0].Field}: {problems[0].Problem}", nameof(scenario));
        }

        var state = _states[instrument];
        if (scenario.Kind == ScenarioKind.GapOpen)
        {
            state.LogFair += Math.Log(1 + scenario.Magnitude);
            return;
        }

        state.Scenarios.Add((scenario, _t));
    }

    /// <summary>Copies the 10-level book, best first.</summary>
    public void CopyBook(int instrument, Span<double> bidPrices, Span<double> bidSizes, Span<double> askPrices, Span<double> askSizes)
    {
        var s = _states[instrument];
        for (var k = 0; k < Depth; k++)
        {
            bidPrices[k] = s.Price(s.BestBid - k);
            bidSizes[k] = s.BidSizes[k] * s.Lot;
            askPrices[k] = s.Price(s.BestAsk + k);
            askSizes[k] = s.AskSizes[k] * s.Lot;
        }
    }

    private void Step()
    {
        var tau = _t % _options.SessionSeconds / _options.SessionSeconds;
        // U-shaped activity: busy at the open and the close, quiet at midday; averages 1 over a session.
        var seasonality = (0.6 + 1.6 * (2 * tau - 1) * (2 * tau - 1)) / (0.6 + 1.6 / 3);
        _t += _rng.NextExponential(_options.EventsPerSecond * seasonality);
        var s = _states[_rng.NextInt(_states.Length)];
        Evolve(s, out var effects);

        var (bid, ask, bidSize, askSize) = (s.BestBid, s.BestAsk, s.BidSizes[0], s.AskSizes[0]);
        var u = _rng.NextDouble();
        if (u < _options.TradeFraction)
        {
            MarketOrder(s, effects);
        }
        else if (u < _options.TradeFraction + _options.CancelFraction)
        {
            Cancel(s);
        }
        else
        {
            Add(s, effects);
        }

        Recenter(s, effects);
        var topChanged = bid != s.BestBid || ask != s.BestAsk || bidSize != s.BidSizes[0] || askSize != s.AskSizes[0];
        Enqueue(s, topChanged ? MarketEventKind.Quote : MarketEventKind.Depth, 0, 0, AggressorSide.None);
    }

    private void Evolve(InstrumentState s, out Effects effects)
    {
        effects = EffectsOf(s);
        var dt = _t - s.LastT;
        if (dt <= 0)
        {
            return;
        }

        if (_t > _marketTime)
        {
            _marketFactor += Math.Sqrt(_t - _marketTime) * _rng.NextGaussian();
            _marketTime = _t;
        }

        if (_t > _sectorTime[s.Sector])
        {
            _sectorFactor[s.Sector] += Math.Sqrt(_t - _sectorTime[s.Sector]) * _rng.NextGaussian();
            _sectorTime[s.Sector] = _t;
        }

        var sigma = s.SigmaPerSqrtSecond * Math.Exp(s.LogVolatility) * effects.VolatilityMultiplier;
        var shock = _options.MarketLoading * (_marketFactor - s.LastMarketFactor)
                    + _options.SectorLoading * (_sectorFactor[s.Sector] - s.LastSectorFactor)
                    + _idiosyncraticLoading * Math.Sqrt(dt) * _rng.NextGaussian();
        var drift = -0.5 * sigma * sigma * dt + effects.Drift * dt;
        if (_t < s.InformedUntil)
        {
            drift += s.InformedDirection * _options.InformedMove / _options.InformedEpisodeSeconds * dt;
        }
        else if (_rng.NextDouble() < _informedRatePerSecond * dt)
        {
            s.InformedUntil = _t + _options.InformedEpisodeSeconds;
            s.InformedDirection = _rng.NextDouble() < 0.5 ? -1 : 1;
        }

        if (_rng.NextDouble() < _jumpRatePerSecond * dt)
        {
            drift += _options.JumpStdDev * _rng.NextGaussian();
        }

        s.LogFair += sigma * shock + drift;
        s.LogVolatility = Math.Clamp(s.LogVolatility - _kappa * s.LogVolatility * dt
                                     + _volOfVolPerSqrtSecond * Math.Sqrt(dt) * _rng.NextGaussian(), -2, 2);
        s.LastMarketFactor = _marketFactor;
        s.LastSectorFactor = _sectorFactor[s.Sector];
        s.LastT = _t;
    }

    private Effects EffectsOf(InstrumentState s)
    {
        var effects = new Effects(1, 1, 0, 0);
        for (var i = s.Scenarios.Count - 1; i >= 0; i--)
        {
            var (scenario, start) = s.Scenarios[i];
            var elapsed = _t - start;
            var end = scenario.DurationSeconds + (scenario.Kind == ScenarioKind.FlashCrash ? scenario.RecoverySeconds : 0);
            if (elapsed >= end)
            {
                s.Scenarios.RemoveAt(i);
                continue;
            }

            effects = scenario.Kind switch
            {
                ScenarioKind.FlashCrash when elapsed < scenario.DurationSeconds => effects with
                {
                    Drift = effects.Drift + Math.Log(1 + scenario.Magnitude) / scenario.DurationSeconds,
                    VolatilityMultiplier = effects.VolatilityMultiplier * 3,
                    Liquidity = effects.Liquidity * 0.3,
                    SellPressure = effects.SellPressure + 0.3,
                },
                ScenarioKind.FlashCrash => effects with
                {
                    Drift = effects.Drift - Math.Log(1 + scenario.Magnitude) / scenario.RecoverySeconds,
                    VolatilityMultiplier = effects.VolatilityMultiplier * 1.5,
                },
                ScenarioKind.VolatilitySpike => effects with { VolatilityMultiplier = effects.VolatilityMultiplier * scenario.Magnitude },
                ScenarioKind.LiquidityDrain => effects with { Liquidity = effects.Liquidity * scenario.Magnitude },
                _ => effects,
            };
        }

        return effects;
    }

    private void MarketOrder(InstrumentState s, Effects effects)
    {
        var buyProbability = 0.5 - effects.SellPressure;
        if (_t < s.InformedUntil)
        {
            buyProbability += s.InformedDirection * _options.InformedBias;
        }

        // Liquidity takers lean toward the fair value: buy when the book sits below it.
        var mid = (s.BestBid + s.BestAsk) / 2.0;
        buyProbability += Math.Clamp((Math.Exp(s.LogFair) / s.Tick - mid) / (s.BestAsk - s.BestBid) * 0.1, -0.15, 0.15);
        var buy = _rng.NextDouble() < buyProbability;
        var lots = Math.Max(1, Math.Round(Math.Exp(Math.Log(_options.MeanOrderLots) - 0.5 + _rng.NextGaussian())));
        var remaining = lots;
        for (var prints = 0; remaining > 0 && prints < Depth; prints++)
        {
            var sizes = buy ? s.AskSizes : s.BidSizes;
            var take = Math.Min(remaining, sizes[0]);
            Enqueue(s, MarketEventKind.Trade, s.Price(buy ? s.BestAsk : s.BestBid), take * s.Lot,
                buy ? AggressorSide.Buyer : AggressorSide.Seller);
            remaining -= take;
            sizes[0] -= take;
            if (sizes[0] <= 0)
            {
                ShiftAway(s, bidSide: !buy, effects);
            }
        }

        s.LogFair += (buy ? 1 : -1) * _options.ImpactPerLot * (lots - remaining);
    }

    private void Add(InstrumentState s, Effects effects)
    {
        var bidSide = _rng.NextDouble() < 0.5;
        var level = Level();
        var size = Math.Max(1, Math.Round(FreshSize(effects.Liquidity) * 0.5));
        if (level == 0 && s.BestAsk - s.BestBid > 1 && _rng.NextDouble() < 0.7)
        {
            // Improve the price inside a wide spread: a new best level.
            var sizes = bidSide ? s.BidSizes : s.AskSizes;
            Array.Copy(sizes, 0, sizes, 1, Depth - 1);
            sizes[0] = size;
            if (bidSide)
            {
                s.BestBid++;
            }
            else
            {
                s.BestAsk--;
            }

            return;
        }

        (bidSide ? s.BidSizes : s.AskSizes)[level] += size;
    }

    private void Cancel(InstrumentState s)
    {
        var bidSide = _rng.NextDouble() < 0.5;
        var level = Level();
        var sizes = bidSide ? s.BidSizes : s.AskSizes;
        var cancelled = Math.Round(FreshSize(1) * 0.5);
        if (sizes[level] - cancelled >= 1)
        {
            sizes[level] -= cancelled;
        }
        else if (level == 0 && s.BestAsk - s.BestBid < 6)
        {
            ShiftAway(s, bidSide, new Effects(1, 1, 0, 0));
        }
        else
        {
            sizes[level] = 1;
        }
    }

    /// <summary>The best level of one side is gone: the next one becomes best, a new level appears at the back.</summary>
    private void ShiftAway(InstrumentState s, bool bidSide, Effects effects)
    {
        var sizes = bidSide ? s.BidSizes : s.AskSizes;
        Array.Copy(sizes, 1, sizes, 0, Depth - 1);
        sizes[Depth - 1] = Math.Max(1, Math.Round(FreshSize(effects.Liquidity)));
        if (bidSide)
        {
            s.BestBid = Math.Max(1, s.BestBid - 1);
        }
        else
        {
            s.BestAsk++;
        }
    }

    /// <summary>
    /// Market makers requote: a side whose best price has strayed across the fair value, or more than 0.1 % (at least
    /// three ticks) away from it, is moved back next to it — what keeps one-sided flow from emptying a book.
    /// </summary>
    private void Recenter(InstrumentState s, Effects effects)
    {
        var fair = Math.Exp(s.LogFair) / s.Tick;
        var tolerance = Math.Max(3, fair * 0.001);
        if (s.BestBid >= fair || s.BestBid < fair - tolerance)
        {
            var target = Math.Max(1, (long)Math.Ceiling(fair) - 1);
            ShiftLevels(s.BidSizes, target - s.BestBid, effects);
            s.BestBid = target;
        }

        if (s.BestAsk <= fair || s.BestAsk > fair + tolerance)
        {
            var target = Math.Max(s.BestBid + 1, (long)Math.Floor(fair) + 1);
            ShiftLevels(s.AskSizes, s.BestAsk - target, effects);
            s.BestAsk = target;
        }

        if (s.BestAsk <= s.BestBid)
        {
            ShiftLevels(s.AskSizes, s.BestAsk - (s.BestBid + 1), effects);
            s.BestAsk = s.BestBid + 1;
        }
    }

    /// <summary>Moves a side's sizes <paramref name="by"/> levels deeper (positive) or shallower, filling the gap fresh.</summary>
    private void ShiftLevels(double[] sizes, long by, Effects effects)
    {
        if (by == 0)
        {
            return;
        }

        var n = (int)Math.Min(Depth, Math.Abs(by));
        if (by > 0)
        {
            Array.Copy(sizes, 0, sizes, n, Depth - n);
            for (var k = 0; k < n; k++)
            {
                sizes[k] = Math.Max(1, Math.Round(FreshSize(effects.Liquidity)));
            }
        }
        else
        {
            Array.Copy(sizes, n, sizes, 0, Depth - n);
            for (var k = Depth - n; k < Depth; k++)
            {
                sizes[k] = Math.Max(1, Math.Round(FreshSize(effects.Liquidity)));
            }
        }
    }

    private int Level()
    {
        // Geometric: most activity at the top of the book.
        var level = (int)(Math.Log(1 - _rng.NextDouble()) / Math.Log(0.65));
        return Math.Min(level, Depth - 1);
    }

    private double FreshSize(double liquidity) =>
        _options.MeanLevelLots * liquidity * Math.Exp(0.5 * _rng.NextGaussian() - 0.125);

    private void Enqueue(InstrumentState s, MarketEventKind kind, double price, double size, AggressorSide aggressor)
    {
        ref var e = ref _pending[(_pendingHead + _pendingCount) % _pending.Length];
        _pendingCount++;
        e.Instrument = s.Index;
        e.Kind = kind;
        e.TsNs = NowNs;
        e.Seq = ++s.Seq;
        e.Price = price;
        e.Size = size;
        e.Aggressor = aggressor;
        e.BidPrice = s.Price(s.BestBid);
        e.BidSize = s.BidSizes[0] * s.Lot;
        e.AskPrice = s.Price(s.BestAsk);
        e.AskSize = s.AskSizes[0] * s.Lot;
    }

    private readonly record struct Effects(double VolatilityMultiplier, double Liquidity, double Drift, double SellPressure);

    private sealed class InstrumentState(int index, SimulatedInstrument instrument, int sector, double sigmaPerSqrtSecond)
    {
        private readonly int _decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(instrument.TickSize) - 1e-9));

        public int Index { get; } = index;
        public int Sector { get; } = sector;
        public double Tick { get; } = instrument.TickSize;
        public double Lot { get; } = instrument.LotSize;
        public double SigmaPerSqrtSecond { get; } = sigmaPerSqrtSecond;
        public double LogFair = Math.Log(instrument.InitialPrice);
        public double LogVolatility;
        public double LastT;
        public double LastMarketFactor;
        public double LastSectorFactor;
        public long BestBid;
        public long BestAsk;
        public readonly double[] BidSizes = new double[Depth];
        public readonly double[] AskSizes = new double[Depth];
        public long Seq;
        public double InformedUntil = double.NegativeInfinity;
        public int InformedDirection;
        public readonly List<(Scenario Scenario, double Start)> Scenarios = [];

        public double Price(long ticks) => Math.Round(ticks * Tick, _decimals);
    }
}
