using Nautilus.Execution.Domain.Orders;
using Nautilus.Indicators;
using Nautilus.Model;
using Nautilus.Strategy.Domain.Catalog;

namespace Nautilus.Strategy.Domain.Builtins;

/// <summary>
/// <c>pairs</c>: statistical arbitrage between two instruments (the first is Y, the second X). The hedge ratio β is the
/// least-squares slope of log Y on log X over <c>window</c> bars, and the spread is that regression's residual now, in
/// standard deviations of its residuals (z). Above +<c>entryZ</c>: short the spread (sell Y, buy X); below −<c>entryZ</c>: long
/// it; flat again once |z| is below <c>exitZ</c>. Each leg gets half the equity (<c>leverage</c> times), X's scaled by |β|.
/// It decides when both instruments have a bar with the same open time.
/// </summary>
public sealed class PairsTradingStrategy(StrategyParameters parameters) : TradingStrategy
{
    public static StrategyDefinition Definition { get; } = new("pairs",
        "Pairs trading on the z-score of the log-price spread, with a rolling least-squares hedge ratio.", 2,
        [
            new("window", 60, 5, 5000, true, "bars in the hedge ratio and the spread's mean and deviation"),
            new("entryZ", 2, 0.1, 10, false, "enter when the spread is beyond this many standard deviations"),
            new("exitZ", 0.5, 0, 10, false, "exit once it is back within this many"),
            new("leverage", 1, 0.1, 10, false, "gross exposure of both legs as a multiple of equity"),
        ],
        p => new PairsTradingStrategy(p),
        p => p["exitZ"] >= p["entryZ"] ? ("parameters.exitZ", $"exitZ ({p["exitZ"]}) must be below entryZ ({p["entryZ"]})") : null);

    private readonly int _window = parameters.Int("window");
    private readonly double _entry = parameters["entryZ"];
    private readonly double _exit = parameters["exitZ"];
    private readonly double _leverage = parameters["leverage"];
    private readonly RollingMoments _x = new(parameters.Int("window"));
    private readonly RollingMoments _y = new(parameters.Int("window"));
    private readonly RollingMoments _xy = new(parameters.Int("window"));
    private (UnixNanos Ts, double Close) _lastY = (default, double.NaN);
    private (UnixNanos Ts, double Close) _lastX = (default, double.NaN);
    private readonly HashSet<ClientOrderId> _open = [];

    public override void OnBar(Bar bar)
    {
        if (bar.InstrumentId == Instruments[0])
        {
            _lastY = (bar.TsEvent, bar.Close.AsDouble());
        }
        else if (bar.InstrumentId == Instruments[1])
        {
            _lastX = (bar.TsEvent, bar.Close.AsDouble());
        }
        else
        {
            return;
        }

        if (_lastX.Ts != _lastY.Ts || double.IsNaN(_lastX.Close) || double.IsNaN(_lastY.Close))
        {
            return;
        }

        var (lx, ly) = (Math.Log(_lastX.Close), Math.Log(_lastY.Close));
        _x.Add(lx);
        _y.Add(ly);
        _xy.Add(lx * ly);
        if (_x.Count < _window)
        {
            return;
        }

        var varX = _x.PopulationVariance;
        var covariance = _xy.Mean - _x.Mean * _y.Mean;
        var beta = varX > 0 ? covariance / varX : 0;
        var residualVariance = _y.PopulationVariance - beta * covariance;
        if (!(residualVariance > 0) || _open.Count > 0)
        {
            return;
        }

        // The regression's residual now, in residual standard deviations: its level does not move with β.
        var z = (ly - _y.Mean - beta * (lx - _x.Mean)) / Math.Sqrt(residualVariance);
        var (y, x) = (Instruments[0], Instruments[1]);
        var heldY = Context.PositionOf(y);
        if (heldY != 0 && Math.Abs(z) < _exit)
        {
            Context.Signal(y, 0, $"spread z {z:F2} back within ±{_exit}");
            Track(SubmitMarket(y, -heldY));
            Track(SubmitMarket(x, -Context.PositionOf(x)));
            return;
        }

        if (heldY != 0 || Math.Abs(z) <= _entry)
        {
            return;
        }

        var direction = z > 0 ? -1 : 1;
        Context.Signal(y, direction, $"spread z {z:F2} beyond ±{_entry}, beta {beta:F3}");
        var leg = _leverage * Context.Equity / 2;
        Track(SubmitMarket(y, direction * Math.Floor((decimal)(leg / _lastY.Close))));
        Track(SubmitMarket(x, -direction * Math.Sign(beta) * Math.Floor((decimal)(Math.Abs(beta) * leg / _lastX.Close))));
    }

    public override void OnOrderUpdate(Order order)
    {
        if (order.IsFinal)
        {
            _open.Remove(order.Id);
        }
    }

    private void Track(ClientOrderId? order)
    {
        if (order is { } id)
        {
            _open.Add(id);
        }
    }
}
