using MathNet.Numerics.Distributions;
using Nautilus.Collateral.Domain.Margin;

namespace Nautilus.Collateral.Domain.Forecast;

/// <summary>One step of the projection: minutes ahead, equity and requirement under the adverse move by then, their ratio.</summary>
public readonly record struct ProjectedUtilisation(int Minute, double Equity, double Requirement, double Utilisation);

/// <summary>The projection and, when utilisation reaches 1 within the horizon, the first minute it does (the call's lead time).</summary>
public sealed record MarginForecast(double Quantile, IReadOnlyList<ProjectedUtilisation> Path, int? CallInMinutes)
{
    public double Utilisation => Path.Count > 0 ? Path[0].Utilisation : double.NaN;
}

/// <summary>
/// Projects an account's margin utilisation (maintenance requirement ÷ equity) over the next minutes from each underlying's current
/// volatility per √minute, at a stated quantile: by minute t every underlying has moved z_q σ √t against the account's net
/// delta in it (longs down, shorts up), the positions are revalued (options by Black–Scholes) and the model margins them again.
/// Moving every underlying against the account at once is comonotone, the conservative end for a diversified book.
/// </summary>
public static class MarginCallForecast
{
    public static MarginForecast Project(IMarginModel model, IReadOnlyList<MarginPosition> positions, double equity,
        IReadOnlyDictionary<string, double> volatilityPerSqrtMinute, int horizonMinutes = 60, double quantile = 0.99, int stepMinutes = 1)
    {
        var z = Normal.InvCDF(0, 1, quantile);
        // Which way hurts: the sign of the account's delta in each underlying.
        var direction = positions.GroupBy(p => p.Underlying, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(SimmEquityMarginModel.DeltaOf) >= 0 ? -1.0 : 1.0, StringComparer.Ordinal);
        var path = new List<ProjectedUtilisation>(horizonMinutes / stepMinutes + 1);
        int? call = null;
        for (var minute = 0; minute <= horizonMinutes; minute += stepMinutes)
        {
            var moved = new MarginPosition[positions.Count];
            var pnl = 0.0;
            for (var i = 0; i < positions.Count; i++)
            {
                var p = positions[i];
                var sigma = volatilityPerSqrtMinute.GetValueOrDefault(p.Underlying);
                var move = Math.Exp(direction[p.Underlying] * z * sigma * Math.Sqrt(minute)) - 1;
                moved[i] = Moved(p, move);
                pnl += moved[i].MarketValue - p.MarketValue;
            }

            var requirement = model.Requirement(moved).Maintenance;
            var projectedEquity = equity + pnl;
            var utilisation = projectedEquity > 0 ? requirement / projectedEquity : double.PositiveInfinity;
            path.Add(new ProjectedUtilisation(minute, projectedEquity, requirement, utilisation));
            if (call is null && utilisation >= 1)
            {
                call = minute;
            }
        }

        return new MarginForecast(quantile, path, call);
    }

    /// <summary>
    /// The position after its underlying moved by <paramref name="move"/> (relative); an option repriced by Black–Scholes.
    /// </summary>
    public static MarginPosition Moved(MarginPosition p, double move)
    {
        var underlying = p.UnderlyingPrice * (1 + move);
        if (p.Option is not { } option)
        {
            return p with { Price = p.Price * (1 + move), UnderlyingPrice = underlying };
        }

        var before = BlackScholes.Value(option.Right, p.UnderlyingPrice, option.Strike, option.ExpiryYears, option.Volatility);
        var after = BlackScholes.Value(option.Right, underlying, option.Strike, option.ExpiryYears, option.Volatility);
        return p with { Price = Math.Max(p.Price + after - before, 0), UnderlyingPrice = underlying };
    }
}
