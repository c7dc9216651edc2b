using Nautilus.Model;

namespace Nautilus.Indicators.Features;

/// <summary>The features the platform computes, by name; builds a <see cref="FeatureSet"/> from specs.</summary>
public static class FeatureCatalog
{
    private static FeatureParameter Period(double d) => new("period", d, 1);

    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        Close("sma", "Simple moving average of closes (TA-Lib SMA).", [Period(20)], a => new Sma((int)a[0])),
        Close("ema", "Exponential moving average of closes, SMA-seeded (TA-Lib EMA).", [Period(20)], a => new Ema((int)a[0])),
        Close("wma", "Linearly weighted moving average of closes (TA-Lib WMA).", [Period(20)], a => new Wma((int)a[0])),
        Close("rsi", "Relative strength index, Wilder smoothing (TA-Lib RSI), 0–100.", [Period(14)], a => new Rsi((int)a[0])),
        new("macd", "MACD line, signal and histogram (TA-Lib MACD).",
            [new("fast", 12, 1), new("slow", 26, 2), new("signal", 9, 1)], ["", "signal", "histogram"],
            a => new FromIndicator<double>(new Macd((int)a[0], (int)a[1], (int)a[2]), b => b.Close.AsDouble(),
                i => [("", i.Current), ("signal", ((Macd)i).Signal), ("histogram", ((Macd)i).Histogram)])),
        new("bb", "Bollinger bands: SMA ± k population σ (TA-Lib BBANDS).",
            [Period(20), new("k", 2, 0.1, Integer: false)], ["", "upper", "lower", "percent_b", "bandwidth"],
            a => new FromIndicator<double>(new BollingerBands((int)a[0], a[1]), b => b.Close.AsDouble(), i =>
            {
                var bb = (BollingerBands)i;
                return [("", bb.Current), ("upper", bb.Upper), ("lower", bb.Lower), ("percent_b", bb.PercentB), ("bandwidth", bb.Bandwidth)];
            })),
        Bars("atr", "Average true range, Wilder (TA-Lib ATR).", [Period(14)], a => new Atr((int)a[0])),
        new("stoch", "Stochastic oscillator slow %K and %D (TA-Lib STOCH, SMA smoothing).",
            [new("k", 5, 1), new("slowing", 3, 1), new("d", 3, 1)], ["", "d"],
            a => new FromIndicator<Bar>(new Stochastic((int)a[0], (int)a[1], (int)a[2]), b => b,
                i => [("", i.Current), ("d", ((Stochastic)i).D)])),
        Bars("obv", "On-balance volume (TA-Lib OBV).", [], _ => new Obv()),
        Bars("vwap", "Volume-weighted average of typical prices since the series began.", [], _ => new Vwap()),
        Close("ret", "Simple one-bar return of the close.", [], _ => new Returns()),
        Close("logret", "Log one-bar return of the close.", [], _ => new Returns(log: true)),
        Close("rvol", "Realised volatility: sample σ of log returns × √periods per year.",
            [Period(20), new("periods_per_year", 252, 1, Integer: false)], a => new RealizedVolatility((int)a[0], a[1])),
        Close("zscore", "Z-score of the close against its window (population σ).", [Period(20)], a => new ZScore((int)a[0])),
    ];

    /// <summary>What the engine computes on every bar when nobody asked for anything else.</summary>
    public static IReadOnlyList<string> DefaultSpecs { get; } =
        ["sma(20)", "ema(20)", "rsi(14)", "macd(12,26,9)", "bb(20,2)", "atr(14)", "stoch(5,3,3)", "obv", "vwap", "logret", "rvol(20,252)", "zscore(20)"];

    public static FeatureDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>Resolves a spec against the catalog: defaults filled in, bounds checked; throws <see cref="FormatException"/>.</summary>
    public static (FeatureDefinition Definition, double[] Arguments, string Key) Resolve(FeatureSpec spec)
    {
        var definition = Find(spec.Name)
            ?? throw new FormatException($"Unknown feature '{spec.Name}'; known: {string.Join(", ", All.Select(d => d.Name))}.");
        if (spec.Arguments.Count > definition.Parameters.Count)
        {
            throw new FormatException($"{spec.Name} takes {definition.Parameters.Count} parameter(s): " +
                                      string.Join(", ", definition.Parameters.Select(p => p.Name)) + ".");
        }

        var args = definition.Parameters.Select((p, i) => i < spec.Arguments.Count ? spec.Arguments[i] : p.Default).ToArray();
        for (var i = 0; i < args.Length; i++)
        {
            var p = definition.Parameters[i];
            if (args[i] < p.Minimum || (p.Integer && args[i] != Math.Floor(args[i])) || args[i] > 100_000)
            {
                throw new FormatException($"{spec.Name}: {p.Name} must be {(p.Integer ? "a whole number" : "a number")} from {p.Minimum} to 100000.");
            }
        }

        if (definition.Name == "macd" && args[0] >= args[1])
        {
            throw new FormatException("macd: fast must be shorter than slow.");
        }

        var key = args.Length == 0 ? definition.Name
            : $"{definition.Name}({string.Join(",", args.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        return (definition, args, key);
    }

    private static FeatureDefinition Close(string name, string description, FeatureParameter[] parameters, Func<double[], Indicator> create) =>
        new(name, description, parameters, [""], a => new FromIndicator<double>(create(a), b => b.Close.AsDouble(), i => [("", i.Current)]));

    private static FeatureDefinition Bars(string name, string description, FeatureParameter[] parameters, Func<double[], Indicator<Bar>> create) =>
        new(name, description, parameters, [""], a => new FromIndicator<Bar>(create(a), b => b, i => [("", i.Current)]));

    private sealed class FromIndicator<T>(Indicator<T> indicator, Func<Bar, T> input, Func<Indicator<T>, (string, double)[]> values) : IFeature
    {
        public int WarmUpPeriod => indicator.WarmUpPeriod;
        public bool Update(Bar bar) => indicator.Update(input(bar));
        public IEnumerable<(string Output, double Value)> Values => values(indicator);
    }
}
