using System.Globalization;
using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Venue;
using Nautilus.MarketData.Contracts;
using Nautilus.Model;
using Nautilus.Strategy.Domain;
using Nautilus.Strategy.Domain.Catalog;

namespace Nautilus.Backtesting.Engine.Runs;

/// <summary>A request made ready to run: the checked strategy definition and parameters, the settings, the events in order.</summary>
public sealed record PreparedRun(
    StrategyDefinition Strategy,
    StrategyParameters Parameters,
    BacktestSettings Settings,
    IMarketData[] Events,
    string Data)
{
    public TradingStrategy CreateStrategy() => Strategy.Create(Parameters);

    /// <summary>A strategy with other parameters on the same data; null when they break its rules.</summary>
    public TradingStrategy? CreateStrategy(IReadOnlyDictionary<string, double> parameters)
    {
        try
        {
            return Strategy.Create(StrategyCatalog.Resolve(Strategy, parameters, Settings.Instruments.Count));
        }
        catch (StrategyConfigurationException)
        {
            return null;
        }
    }
}

/// <summary>
/// Turns a <see cref="BacktestRequest"/> into a <see cref="PreparedRun"/>: checks every field (problems name it, as
/// <see cref="BacktestInputException"/> or <see cref="StrategyConfigurationException"/>), converts inline bars or fetches stored ones
/// from the MarketData engine with the instrument's terms.
/// </summary>
public sealed class BacktestInputs(MarketDataClient marketData)
{
    public const string InlineSymbol = "BT";
    private const string InlineVenue = "INLINE";

    public async Task<PreparedRun> PrepareAsync(BacktestRequest request, int maxBars, CancellationToken ct)
    {
        var definition = StrategyCatalog.Get(request.Strategy);
        if (!(request.InitialCash > 0))
        {
            throw new BacktestInputException("initialCash", $"{request.InitialCash}: must be positive");
        }

        var sources = (request.Bars is not null ? 1 : 0) + (request.Series is not null ? 1 : 0) + (request.Data is not null ? 1 : 0);
        if (sources != 1)
        {
            throw new BacktestInputException("bars",
                "give exactly one of bars (inline), series (inline, several instruments) or data (stored)");
        }

        List<(TradableInstrument Instrument, Bar[] Bars)> series;
        string data;
        if (request.Data is { } reference)
        {
            series = await StoredAsync(reference, maxBars, ct);
            var range = string.Create(CultureInfo.InvariantCulture, $"{reference.From:yyyy-MM-dd}..{reference.To:yyyy-MM-dd}");
            data = $"{string.Join("+", series.Select(s => s.Instrument.Id.Symbol))} {reference.Interval}s {range}";
        }
        else
        {
            var inputs = request.Bars is { } bars ? [new SeriesInput(request.Symbol ?? InlineSymbol, bars)] : request.Series!;
            if (inputs.Count == 0)
            {
                throw new BacktestInputException("series", "give at least one series");
            }

            series = [.. inputs.Select((s, i) => Inline(s, request.Bars is null ? $"series[{i}]." : "", request.TickSize ?? 0.01m,
                request.LotSize ?? 1m))];
            if (series.Select(s => s.Instrument.Id).Distinct().Count() != series.Count)
            {
                throw new BacktestInputException("series", "each series needs its own symbol");
            }

            data = $"inline {string.Join("+", series.Select(s => $"{s.Instrument.Id.Symbol} ({s.Bars.Length} bars)"))}";
        }

        var total = series.Sum(s => (long)s.Bars.Length);
        if (total > maxBars)
        {
            throw new BacktestInputException(request.Data is null ? "bars" : "data", $"{total:N0} bars; at most {maxBars:N0} a run");
        }

        var parameters = StrategyCatalog.Resolve(definition, request.Parameters, series.Count);
        var interval = series.Min(s => s.Bars[0].BarType.IntervalSeconds);
        var settings = SettingsOf(request, [.. series.Select(s => s.Instrument)], interval);
        // Bars of one time in the order the instruments were given; across times by close.
        var events = series.SelectMany((s, order) => s.Bars.Select(b => (Bar: b, Order: order)))
            .OrderBy(x => x.Bar.TsClose.Value).ThenBy(x => x.Order).Select(x => (IMarketData)x.Bar).ToArray();
        return new PreparedRun(definition, parameters, settings, events, data);
    }

    /// <summary>A prepared run again from a stored request, its instruments and its events (a sweep's work item).</summary>
    public static PreparedRun Restore(BacktestRequest request, IReadOnlyList<TradableInstrument> instruments, IMarketData[] events)
    {
        var definition = StrategyCatalog.Get(request.Strategy);
        var interval = events.OfType<Bar>().Select(b => b.BarType.IntervalSeconds).DefaultIfEmpty(86_400).Min();
        return new PreparedRun(definition, StrategyCatalog.Resolve(definition, request.Parameters, instruments.Count),
            SettingsOf(request, instruments, interval), events, "");
    }

    private static BacktestSettings SettingsOf(BacktestRequest request, IReadOnlyList<TradableInstrument> instruments, int interval)
    {
        if (request.PeriodsPerYear is < 1 or > 10_000_000)
        {
            throw new BacktestInputException("periodsPerYear", $"{request.PeriodsPerYear}: between 1 and 10,000,000");
        }

        if (request.MaxVolumeShare is { } share && !(share > 0 && share <= 1))
        {
            throw new BacktestInputException("maxVolumeShare", $"{share}: a fraction in (0, 1]");
        }

        var venue = new VenueOptions(TimeSpan.Zero, request.MaxVolumeShare, FeesOf(request.Fees), SlippageOf(request.Slippage));
        return new BacktestSettings(request.InitialCash, venue, instruments,
            request.PeriodsPerYear ?? BacktestSettings.PeriodsPerYearOf(interval));
    }

    private static (TradableInstrument, Bar[]) Inline(SeriesInput input, string prefix, decimal tickSize, decimal lotSize)
    {
        if (string.IsNullOrWhiteSpace(input.Symbol) || input.Symbol.Length > 32 || input.Symbol.Any(c => c is <= ' ' or '.' or > '~'))
        {
            throw new BacktestInputException($"{prefix}symbol", $"'{input.Symbol}': 1 to 32 printable characters, no spaces or dots");
        }

        if (!(tickSize > 0) || !(lotSize > 0))
        {
            throw new BacktestInputException(tickSize > 0 ? "lotSize" : "tickSize", "must be positive");
        }

        var bars = input.Bars ?? [];
        if (bars.Count < 2)
        {
            throw new BacktestInputException($"{prefix}bars", $"{bars.Count} bar(s): a backtest needs at least two");
        }

        var instrument = new TradableInstrument(new InstrumentId(input.Symbol, InlineVenue), tickSize, lotSize, Currency.USD);
        var interval = long.MaxValue;
        for (var i = 1; i < bars.Count; i++)
        {
            var step = (long)(bars[i].Ts - bars[i - 1].Ts).TotalSeconds;
            if (bars[i].Ts <= bars[i - 1].Ts)
            {
                throw new BacktestInputException($"{prefix}bars[{i}].ts",
                    $"{bars[i].Ts:O} is not after bars[{i - 1}].ts {bars[i - 1].Ts:O}: bars must be in time order, one per time");
            }

            interval = Math.Min(interval, Math.Max(1, step));
        }

        var barType = new BarType(instrument.Id, (int)Math.Min(interval, 31 * 86_400));
        var converted = new Bar[bars.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var field = $"{prefix}bars[{i}]";
            foreach (var (name, value) in new[] { ("open", b.Open), ("high", b.High), ("low", b.Low), ("close", b.Close) })
            {
                if (value <= 0)
                {
                    throw new BacktestInputException($"{field}.{name}", $"{value}: prices must be positive");
                }
            }

            if (b.Volume < 0)
            {
                throw new BacktestInputException($"{field}.volume", $"{b.Volume}: volume cannot be negative");
            }

            var places = instrument.PricePrecision;
            var bar = new Bar(barType, Price.FromDecimalAtLeast(b.Open, places), Price.FromDecimalAtLeast(b.High, places),
                Price.FromDecimalAtLeast(b.Low, places), Price.FromDecimalAtLeast(b.Close, places),
                Quantity.FromDecimalAtLeast(b.Volume, instrument.SizePrecision), 0,
                UnixNanos.From(b.Ts));
            if (bar.Problems() is [var problem, ..])
            {
                throw new BacktestInputException(field, problem);
            }

            converted[i] = bar;
        }

        return (instrument, converted);
    }

    private async Task<List<(TradableInstrument, Bar[])>> StoredAsync(DataReference reference, int maxBars, CancellationToken ct)
    {
        var symbols = reference.Symbols is { Count: > 0 } many ? many : reference.Symbol is { } one ? [one] : [];
        if (symbols.Count == 0)
        {
            throw new BacktestInputException("data.symbol", "name the stored instrument (symbol, or symbols for several)");
        }

        if (reference.Interval <= 0)
        {
            throw new BacktestInputException("data.interval", $"{reference.Interval}: seconds per bar, positive (60, 3600, 86400)");
        }

        if (reference.From >= reference.To)
        {
            throw new BacktestInputException("data.from", $"{reference.From:O} is not before data.to {reference.To:O}");
        }

        var series = new List<(TradableInstrument, Bar[])>();
        foreach (var symbol in symbols)
        {
            var terms = await marketData.GetInstrumentAsync(symbol, ct)
                ?? throw new BacktestInputException("data.symbol",
                    $"unknown instrument '{symbol}': the MarketData engine's master has no such symbol");
            // The stored range is closed at both ends; a bar opening exactly at 'to' is not in [from, to).
            var bars = (await marketData.GetAllBarsAsync(symbol, reference.Interval, reference.From, reference.To, maxBars + 1, ct))
                .Where(b => b.TsEvent.ToDateTimeOffset() < reference.To).ToArray();
            if (bars.Length < 2)
            {
                throw new BacktestInputException("data",
                    $"{bars.Length} stored bar(s) of {symbol} at {reference.Interval}s in [{reference.From:O}, {reference.To:O}): a " +
                        $"backtest needs at least two");
            }

            var instrument = new TradableInstrument(bars[0].InstrumentId, terms.TickSize, terms.LotSize, Currency.Of(terms.Currency));
            series.Add((instrument, bars));
        }

        return series;
    }

    public static IFeeModel FeesOf(FeeSettings? fees) => fees?.Model switch
    {
        null or "none" => NoFees.Instance,
        "perUnit" when fees.Rate >= 0 && fees.Minimum >= 0 => new PerUnitFee(fees.Rate, fees.Minimum),
        "bps" when fees.Rate >= 0 && fees.Minimum >= 0 && fees.MakerRate is null or >= 0 =>
            new BasisPointsFee(fees.Rate, fees.MakerRate ?? fees.Rate, fees.Minimum),
        "perUnit" or "bps" => throw new BacktestInputException("fees.rate", "rates and minimums cannot be negative"),
        _ => throw new BacktestInputException("fees.model", $"'{fees.Model}' is not one of none, perUnit, bps"),
    };

    public static ISlippageModel SlippageOf(SlippageSettings? slippage) => slippage?.Model switch
    {
        null or "none" => NoSlippage.Instance,
        "ticks" when slippage.Value >= 0 && slippage.Value == Math.Floor(slippage.Value) => new TickSlippage((int)slippage.Value),
        "bps" when slippage.Value >= 0 => new BasisPointsSlippage(slippage.Value),
        "ticks" or "bps" => throw new BacktestInputException("slippage.value",
            $"{slippage.Value}: ticks are whole and neither is negative"),
        _ => throw new BacktestInputException("slippage.model", $"'{slippage.Model}' is not one of none, ticks, bps"),
    };
}
