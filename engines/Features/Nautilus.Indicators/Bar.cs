namespace Nautilus.Indicators;

/// <summary>An OHLCV bar as indicators see it.</summary>
public readonly record struct Bar(long TsNs, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>(high + low + close) / 3, the price VWAP of bars weighs.</summary>
    public double TypicalPrice => (High + Low + Close) / 3;
}

/// <summary>Top of book as indicators see it.</summary>
public readonly record struct TopOfBook(double BidPrice, double BidSize, double AskPrice, double AskSize);
