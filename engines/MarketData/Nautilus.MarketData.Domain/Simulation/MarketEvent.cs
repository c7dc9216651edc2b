using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Simulation;

public enum MarketEventKind : byte
{
    /// <summary>A print: <see cref="MarketEvent.Price"/>, <see cref="MarketEvent.Size"/>, the aggressor.</summary>
    Trade = 1,

    /// <summary>The top of book changed: best bid/ask and their sizes.</summary>
    Quote = 2,

    /// <summary>Depth below the top changed (the top fields still carry the current top of book).</summary>
    Depth = 3,
}

/// <summary>One market event of one instrument, as a value: the simulator's hot loop allocates nothing.</summary>
public struct MarketEvent
{
    public int Instrument;
    public MarketEventKind Kind;
    public long TsNs;

    /// <summary>Per-instrument sequence number, from 1.</summary>
    public long Seq;

    public double Price;
    public double Size;
    public AggressorSide Aggressor;
    public double BidPrice;
    public double BidSize;
    public double AskPrice;
    public double AskSize;
}
