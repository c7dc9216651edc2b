using Nautilus.Model;

namespace Nautilus.Indicators;

/// <summary>
/// On-balance volume (TA-Lib OBV): starts at the first bar's volume, then adds the volume of a bar that closes up,
/// subtracts that of a bar that closes down, and keeps still on an unchanged close.
/// </summary>
public sealed class Obv() : Indicator<Bar>("OBV", 1)
{
    private double _obv;
    private double _previousClose = double.NaN;

    protected override double ComputeNextValue(Bar bar)
    {
        var (close, volume) = (bar.Close.AsDouble(), bar.Volume.AsDouble());
        _obv = double.IsNaN(_previousClose) ? volume
            : close > _previousClose ? _obv + volume
            : close < _previousClose ? _obv - volume
            : _obv;
        _previousClose = close;
        return _obv;
    }

    public override void Reset()
    {
        base.Reset();
        _obv = 0;
        _previousClose = double.NaN;
    }
}
