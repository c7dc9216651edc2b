using Nautilus.Collateral.Domain.Margin;

namespace Nautilus.UnitTests.Collateral;

/// <summary>SIMM equity delta aggregation worked by hand with the v2.6 parameters (risk weights, ρ, γ, concentration thresholds).</summary>
public sealed class SimmEquityDeltaTests
{
    [Fact]
    public void One_issuer_is_its_risk_weight_times_its_sensitivity()
    {
        var result = SimmEquityDelta.Calculate([new EquitySensitivity("ACME", 5, 10_000)]);
        Assert.Equal(26 * 10_000, result.DeltaMargin, 6);
        Assert.Equal("ISDA SIMM v2.6", result.Version);
    }

    [Fact]
    public void Issuers_of_a_bucket_correlate_by_rho_and_buckets_by_gamma()
    {
        var result = SimmEquityDelta.Calculate(
        [
            new EquitySensitivity("ACME", 5, 10_000),
            new EquitySensitivity("GLOBEX", 5, -4_000),
            new EquitySensitivity("INITECH", 8, 6_000),
        ]);
        double a = 26 * 10_000, b = 26 * -4_000, c = 28 * 6_000;
        var k5 = Math.Sqrt(a * a + b * b + 2 * 0.25 * a * b);
        var s5 = Math.Clamp(a + b, -k5, k5);
        var k8 = Math.Abs(c);
        var expected = Math.Sqrt(k5 * k5 + k8 * k8 + 2 * 0.29 * s5 * c);
        Assert.Equal(expected, result.DeltaMargin, 6);
    }

    [Fact]
    public void A_concentrated_issuer_is_scaled_up_and_the_residual_bucket_adds_on_top()
    {
        // Bucket 10 threshold 0.37 USD mm per %: a sensitivity of 1.48 mm gives CR = √4 = 2.
        var concentrated = SimmEquityDelta.Calculate([new EquitySensitivity("SMALLCO", 10, 1_480_000)]);
        Assert.Equal(50 * 1_480_000 * 2, concentrated.DeltaMargin, 3);
        var withResidual = SimmEquityDelta.Calculate([new EquitySensitivity("ACME", 5, 10_000), new EquitySensitivity("ODD", null, 1_000)]);
        Assert.Equal(26 * 10_000 + 50 * 1_000, withResidual.DeltaMargin, 6);
    }
}
