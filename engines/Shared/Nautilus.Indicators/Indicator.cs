namespace Nautilus.Indicators;

/// <summary>
/// A streaming indicator over one input type: each <see cref="Update"/> costs O(1), and the value is meaningful once
/// <see cref="IsReady"/> (after <see cref="WarmUpPeriod"/> inputs). Indicators compose: <c>new Ema(10).Of(rsi)</c>
/// feeds the EMA every value the RSI produces once the RSI is ready.
/// </summary>
public abstract class Indicator<TInput>
{
    private Action<double>? _updated;

    protected Indicator(string name, int warmUpPeriod)
    {
        if (warmUpPeriod < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(warmUpPeriod), warmUpPeriod, "An indicator needs at least one input.");
        }

        Name = name;
        WarmUpPeriod = warmUpPeriod;
    }

    /// <summary>E.g. <c>EMA(10)</c>.</summary>
    public string Name { get; }

    /// <summary>Inputs needed before the first meaningful value (TA-Lib's lookback + 1).</summary>
    public int WarmUpPeriod { get; }

    /// <summary>Inputs seen so far.</summary>
    public long Samples { get; private set; }

    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The latest value; NaN until <see cref="IsReady"/>.</summary>
    public double Current { get; private set; } = double.NaN;

    /// <summary>Takes one input; returns <see cref="IsReady"/>.</summary>
    public bool Update(TInput input)
    {
        Samples++;
        var value = ComputeNextValue(input);
        if (Samples < WarmUpPeriod)
        {
            return false;
        }

        Current = value;
        _updated?.Invoke(value);
        return true;
    }

    /// <summary>Back to the state before the first input.</summary>
    public virtual void Reset()
    {
        Samples = 0;
        Current = double.NaN;
    }

    /// <summary>Folds in one input and returns the new value (ignored until ready, but the state must advance).</summary>
    protected abstract double ComputeNextValue(TInput input);

    /// <summary>Runs <paramref name="consumer"/> with each value this indicator produces once ready.</summary>
    public void Subscribe(Action<double> consumer) => _updated += consumer;

    public override string ToString() => IsReady ? $"{Name} = {Current:G6}" : $"{Name} (warming up {Samples}/{WarmUpPeriod})";
}

/// <summary>An indicator of a single series of numbers (closes, returns, another indicator's values).</summary>
public abstract class Indicator(string name, int warmUpPeriod) : Indicator<double>(name, warmUpPeriod);

/// <summary>Composition: <c>new Ema(10).Of(rsi)</c>.</summary>
public static class IndicatorComposition
{
    /// <summary>Feeds <paramref name="indicator"/> every value <paramref name="source"/> produces once ready.</summary>
    public static T Of<T, TSource>(this T indicator, Indicator<TSource> source) where T : Indicator
    {
        source.Subscribe(v => indicator.Update(v));
        return indicator;
    }
}
