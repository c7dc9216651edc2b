using Nautilus.Model;
using Nautilus.Storage;

namespace Nautilus.MarketData.Engine.Persistence;

// Rows of the marketdata schema: the tables' columns, used only between the pipeline and PostgreSQL. Everything above
// the repository speaks Nautilus.Model types. Timestamps are UTC; the database keeps microseconds.

public readonly record struct TradeRecord(
    string Symbol, DateTime Ts, long Seq, double Price, double Size, AggressorSide Aggressor, string TradeId);

public readonly record struct QuoteRecord(
    string Symbol, DateTime Ts, long Seq, double BidPrice, double BidSize, double AskPrice, double AskSize);

/// <summary>A bar's row, by its open time; written from and read back into <see cref="Bar"/> (see <c>InstrumentSpec.ToBar</c>).</summary>
public readonly record struct BarRecord(
    string Symbol, int IntervalSeconds, DateTime Ts, double Open, double High, double Low, double Close, double Volume, int TradeCount)
{
    public static BarRecord From(Bar bar) => new(bar.InstrumentId.Symbol, bar.BarType.IntervalSeconds, bar.TsEvent.ToUtcDateTime(),
        bar.Open.AsDouble(), bar.High.AsDouble(), bar.Low.AsDouble(), bar.Close.AsDouble(), bar.Volume.AsDouble(), bar.TradeCount);
}

/// <summary>Up to ten levels a side, best first; prices and sizes side by side.</summary>
public sealed record BookSnapshotRecord(
    string Symbol, DateTime Ts, long Seq, double[] BidPrices, double[] BidSizes, double[] AskPrices, double[] AskSizes);
