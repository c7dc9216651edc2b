using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Model;

namespace Nautilus.Backtesting.Engine.Runs;

/// <summary>The HTTP views of a run's result: times as dates, ids and enums as text.</summary>
public static class ResultViews
{
    public static BacktestResults Of(string id, string strategy, IReadOnlyDictionary<string, double> parameters, BacktestSettings settings,
        BacktestResult result) =>
        new(id, strategy, parameters, (double)settings.InitialCash, result.FinalEquity, result.FinalCash, result.Events,
            [.. result.Trades.Select(t => new TradeView(t.Instrument.Symbol, t.Side.ToString(), t.Quantity, t.EntryAt, t.EntryPrice,
                t.ExitAt,
                t.ExitPrice, t.Pnl, t.Fees))],
            EquityOf(result.EquityTimes.Select(t => t.ToDateTimeOffset()), result.Equity),
            [.. result.Orders.Select(o => new OrderView(o.Id.Value, o.InstrumentId.Symbol, o.Side.ToString(), o.Type.ToString(),
                o.Quantity.ToDecimal(), o.LimitPrice?.ToDecimal(), o.TriggerPrice?.ToDecimal(), o.TimeInForce.ToString(),
                    o.Status.ToString(),
                o.Filled.ToDecimal(), o.AveragePrice, o.TsInit.ToDateTimeOffset(), o.TsLast.ToDateTimeOffset(), o.Reason))],
            [.. result.Fills.Select(f => new FillView(f.TradeId.Value, f.OrderId.Value, f.InstrumentId.Symbol, f.Side.ToString(),
                f.Quantity.ToDecimal(), f.Price, f.Fee, f.TsEvent.ToDateTimeOffset()))],
            result.Summary, result.Statistics, result.StatisticsNote);

    /// <summary>Equity points with their drawdown from the running peak.</summary>
    public static IReadOnlyList<EquityPoint> EquityOf(IEnumerable<DateTimeOffset> times, IReadOnlyList<double> equity)
    {
        var points = new List<EquityPoint>(equity.Count);
        var peak = double.MinValue;
        var i = 0;
        foreach (var ts in times)
        {
            var value = equity[i++];
            peak = Math.Max(peak, value);
            points.Add(new EquityPoint(ts, value, peak > 0 ? value / peak - 1 : 0));
        }

        return points;
    }

    /// <summary>Equity as wealth (1 at the start), for runs compared on one chart.</summary>
    public static IReadOnlyList<EquityPoint> WealthOf(IReadOnlyList<EquityPoint> equity, double initial) =>
        [.. equity.Select(p => p with { Equity = initial > 0 ? p.Equity / initial : 0 })];

    public static string Describe(UnixNanos ts) => ts.ToDateTimeOffset().ToString("O");
}
