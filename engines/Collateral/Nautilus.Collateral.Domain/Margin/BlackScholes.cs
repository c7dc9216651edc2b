using MathNet.Numerics.Distributions;

namespace Nautilus.Collateral.Domain.Margin;

/// <summary>Black–Scholes value of a European option per share (no dividends); at expiry, its intrinsic value.</summary>
public static class BlackScholes
{
    public static double Value(OptionRight right, double spot, double strike, double years, double volatility, double rate = 0)
    {
        if (years <= 0 || volatility <= 0)
        {
            return right == OptionRight.Call ? Math.Max(spot - strike * Math.Exp(-rate * Math.Max(years, 0)), 0)
                : Math.Max(strike * Math.Exp(-rate * Math.Max(years, 0)) - spot, 0);
        }

        var sqrtT = Math.Sqrt(years);
        var d1 = (Math.Log(spot / strike) + (rate + 0.5 * volatility * volatility) * years) / (volatility * sqrtT);
        var d2 = d1 - volatility * sqrtT;
        var discount = strike * Math.Exp(-rate * years);
        return right == OptionRight.Call
            ? spot * Normal.CDF(0, 1, d1) - discount * Normal.CDF(0, 1, d2)
            : discount * Normal.CDF(0, 1, -d2) - spot * Normal.CDF(0, 1, -d1);
    }
}
