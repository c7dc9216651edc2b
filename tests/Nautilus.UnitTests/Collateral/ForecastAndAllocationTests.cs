using MathNet.Numerics.Distributions;
using Nautilus.Collateral.Domain.Allocation;
using Nautilus.Collateral.Domain.Forecast;
using Nautilus.Collateral.Domain.Margin;

namespace Nautilus.UnitTests.Collateral;

public sealed class ForecastAndAllocationTests
{
    [Fact]
    public void The_margin_call_is_forecast_at_the_minute_the_adverse_move_takes_utilisation_to_one()
    {
        // 1,000 shares at 100 on equity 30,000 (Reg-T maintenance 25 %: utilisation 0.83). σ 0.5 % per √minute at 99 %:
        // after t minutes the price is 100 e^{−z σ √t}; the call comes when 0.25 × 1,000 p ≥ 30,000 + 1,000 (p − 100), p ≤ 93.33.
        var model = new RegTMarginModel();
        var positions = new[] { MarginPosition.Stock("XYZ", 1_000, 100) };
        var forecast = MarginCallForecast.Project(model, positions, 30_000, new Dictionary<string, double> { ["XYZ"] = 0.005 });

        var z = Normal.InvCDF(0, 1, 0.99);
        var expected = (int)Math.Ceiling(Math.Pow(Math.Log(100 / (70_000.0 / 750)) / (z * 0.005), 2));
        Assert.Equal(expected, forecast.CallInMinutes);
        Assert.Equal(25_000.0 / 30_000, forecast.Utilisation, 9);
        Assert.Equal(61, forecast.Path.Count);

        var calm = MarginCallForecast.Project(model, positions, 30_000, new Dictionary<string, double> { ["XYZ"] = 0.0001 });
        Assert.Null(calm.CallInMinutes);
    }

    [Fact]
    public void Collateral_goes_where_it_is_cheapest_after_haircuts_and_eligibility()
    {
        var assets = new[]
        {
            new CollateralAsset("cash", "cash", 50, 0, 0.0050),
            new CollateralAsset("ust", "government", 100, 0.02, 0.0010),
            new CollateralAsset("spy", "equity", 200, 0.15, 0.0005),
        };
        var requirements = new[]
        {
            new CollateralRequirement("ccp", 120, new HashSet<string> { "cash", "government" }),
            new CollateralRequirement("bilateral", 85, new HashSet<string> { "cash", "government", "equity" }),
        };
        var result = CollateralAllocator.Allocate(assets, requirements);

        // Equity is cheapest but the CCP refuses it: all 100 of treasuries (98 after haircut) and 22 of cash go to the CCP; the
        // bilateral takes 100 of equity (85 after its 15 % haircut).
        Assert.True(result.Feasible);
        var posted = result.Postings.ToDictionary(p => (p.Asset, p.Requirement), p => Math.Round(p.MarketValue, 6));
        Assert.Equal(100, posted[("ust", "ccp")]);
        Assert.Equal(22, posted[("cash", "ccp")]);
        Assert.Equal(100, posted[("spy", "bilateral")]);
        Assert.Equal(100 * 0.001 + 22 * 0.005 + 100 * 0.0005, result.Cost, 9);
    }

    [Fact]
    public void An_inventory_that_cannot_cover_reports_the_shortfall()
    {
        var result = CollateralAllocator.Allocate([new CollateralAsset("cash", "cash", 40, 0, 0.005)],
            [new CollateralRequirement("ccp", 100, new HashSet<string> { "cash" })]);
        Assert.False(result.Feasible);
        Assert.Equal(60, result.Shortfall["ccp"], 6);
    }
}
