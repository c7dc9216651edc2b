using Nautilus.Collateral.Contracts;
using Nautilus.Collateral.Domain.Forecast;

namespace Nautilus.Collateral.Engine.Models;

/// <summary>Forecasts and utilisations as the API sends them.</summary>
public static class ForecastViews
{
    /// <summary>Utilisation is +∞ once projected equity is gone; JSON has no infinity, so it goes out as the largest double.</summary>
    public static double Finite(double utilisation) => double.IsFinite(utilisation) ? utilisation : double.MaxValue;

    public static ForecastResponse Of(string model, MarginForecast forecast) =>
        new(model, forecast.Quantile,
            [.. forecast.Path.Select(p => new ForecastPoint(p.Minute, p.Equity, p.Requirement, Finite(p.Utilisation)))],
            forecast.CallInMinutes);
}
