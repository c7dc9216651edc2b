using Nautilus.Collateral.Domain.SaCcr;

namespace Nautilus.UnitTests.Collateral;

public sealed class SaCcrTests
{
    private static SaCcrTrade Trade(string id, SaCcrAssetClass assetClass, string hedgingSet, double notional, double mtm, bool isLong,
        double start, double end, double maturity, string? reference = null, string? rating = null, bool isIndex = false,
        SaCcrOption? option = null) =>
        new(id, assetClass, hedgingSet, reference, rating, isIndex, notional, mtm, isLong, start, end, maturity, option);

    /// <summary>
    /// BCBS 279, "The standardised approach for measuring counterparty credit risk exposures" (March 2014, rev. April 2014), Annex 4,
    /// example 1 (copied into tests/Nautilus.UnitTests/Collateral from ../shared/reference/README.md): an unmargined interest-rate
    /// netting set of a 10-year USD swap (notional 10,000, MtM +30), a 4-year USD swap the other way (10,000, MtM −20) and a bought
    /// EUR put swaption on a swap from 1 to 11 years (5,000, MtM +50, forward 6 %, strike 5 %, σ 50 %). Published EAD: 569.
    /// </summary>
    [Fact]
    public void BCBS_279_example_1_gives_the_published_EAD()
    {
        var set = new NettingSet("example-1",
        [
            Trade("1", SaCcrAssetClass.InterestRate, "USD", 10_000, 30, true, 0, 10, 10),
            Trade("2", SaCcrAssetClass.InterestRate, "USD", 10_000, -20, false, 0, 4, 4),
            Trade("3", SaCcrAssetClass.InterestRate, "EUR", 5_000, 50, false, 1, 11, 1,
                option: new SaCcrOption(OptionKind.Put, Bought: true, Strike: 0.05, UnderlyingPrice: 0.06, Volatility: 0.5)),
        ]);

        var result = SaCcrCalculator.Calculate(set);

        Assert.Equal(60, result.ReplacementCost, 9);
        Assert.Equal(1, result.Multiplier);
        // The document's own steps: supervisory durations 7.87, 3.63 and 7.49; the swaption's delta −0.27; add-on 347.
        Assert.Equal(7.869, SaCcrCalculator.SupervisoryDuration(0, 10), 3);
        Assert.Equal(3.625, SaCcrCalculator.SupervisoryDuration(0, 4), 3);
        Assert.Equal(7.486, SaCcrCalculator.SupervisoryDuration(1, 11), 3);
        Assert.Equal(-0.27, SaCcrCalculator.SupervisoryDelta(set.Trades[2]), 2);
        Assert.Equal(347, result.AddOn, 0);
        Assert.Equal(569, Math.Floor(result.Ead));
    }

    [Fact]
    public void A_margined_set_counts_threshold_MTA_and_NICA_and_scales_by_the_margin_period()
    {
        // One 3-year FX forward, notional 1,000, MtM 10; collateral held 5; TH 20, MTA 5, NICA 0; MPOR 10 days.
        var fx = Trade("fx", SaCcrAssetClass.Fx, "EURUSD", 1_000, 10, true, 0, 3, 3);
        var set = new NettingSet("m", [fx], Margined: true, Threshold: 20, MinimumTransferAmount: 5, IndependentCollateral: 0,
            Collateral: 5);
        var result = SaCcrCalculator.Calculate(set);

        Assert.Equal(25, result.ReplacementCost, 9); // max(10 − 5, 20 + 5 − 0, 0)
        var addOn = 0.04 * 1_000 * 1.5 * Math.Sqrt(10.0 / 250); // SF × d × MF, MF = 1.5 √(10 / 250) = 0.3
        Assert.Equal(addOn, result.AddOn, 9);
        var multiplier = Math.Min(1, 0.05 + 0.95 * Math.Exp(5 / (2 * 0.95 * addOn)));
        Assert.Equal(1.4 * (25 + multiplier * addOn), result.Ead, 9);
    }

    [Fact]
    public void Equity_entities_share_a_systematic_factor_and_commodity_types_their_group()
    {
        // Two single names, long 100 and short 60 (M = 1): add-ons 0.32 × 100 and 0.32 × −60, ρ = 0.5.
        var set = new NettingSet("eq",
        [
            Trade("a", SaCcrAssetClass.Equity, "equity", 100, 0, true, 0, 1, 1, "ACME"),
            Trade("b", SaCcrAssetClass.Equity, "equity", 60, 0, false, 0, 1, 1, "GLOBEX"),
            Trade("c", SaCcrAssetClass.Commodity, "energy", 200, 0, true, 0, 1, 1, "crude-oil"),
            Trade("d", SaCcrAssetClass.Commodity, "energy", 50, 0, true, 0, 1, 1, "electricity"),
        ]);
        var result = SaCcrCalculator.Calculate(set);

        double a = 32, b = -19.2;
        var equity = Math.Sqrt(Math.Pow(0.5 * a + 0.5 * b, 2) + 0.75 * (a * a + b * b));
        Assert.Equal(equity, result.AddOnByAssetClass[SaCcrAssetClass.Equity], 9);
        double oil = 0.18 * 200, power = 0.40 * 50;
        var commodity = Math.Sqrt(Math.Pow(0.4 * (oil + power), 2) + 0.84 * (oil * oil + power * power));
        Assert.Equal(commodity, result.AddOnByAssetClass[SaCcrAssetClass.Commodity], 9);
        Assert.Equal(equity + commodity, result.AddOn, 9);
    }

    [Fact]
    public void A_set_out_of_the_money_after_collateral_lowers_the_multiplier_to_its_floor()
    {
        var set = new NettingSet("otm", [Trade("ir", SaCcrAssetClass.InterestRate, "USD", 1_000, -500, true, 0, 5, 5)]);
        var result = SaCcrCalculator.Calculate(set);
        Assert.Equal(0, result.ReplacementCost);
        Assert.InRange(result.Multiplier, 0.05, 0.05001);
    }
}
