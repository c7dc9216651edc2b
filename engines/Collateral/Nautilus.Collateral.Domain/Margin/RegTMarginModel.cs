namespace Nautilus.Collateral.Domain.Margin;

/// <summary>
/// Reg-T style strategy-free margin for equities and equity options. Stock: initial 50 % of market value (Regulation T, 12 CFR
/// 220.12); maintenance 25 % long, short the greater of 30 % or $5 a share, or below $5 a share the greater of 100 % or $2.50 a
/// share (FINRA Rule 4210(c)). Options: long paid in full (100 % of premium, nothing more at maintenance once paid); short uncovered:
/// premium + max(20 % of the underlying − the out-of-the-money amount, 10 % of the underlying for a call or of the strike for a put),
/// per share (CBOE/FINRA 4210(f)(2)). Positions are margined one by one: no hedge offsets (that is portfolio margin's business).
/// </summary>
public sealed class RegTMarginModel : IMarginModel
{
    public const double InitialRate = 0.5;
    public const double LongMaintenanceRate = 0.25;
    public const double ShortMaintenanceRate = 0.30;

    public string Name => "reg-t";

    public MarginRequirement Requirement(IReadOnlyList<MarginPosition> positions)
    {
        var split = new PositionMargin[positions.Count];
        double initial = 0, maintenance = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            var (init, maint) = p.Option is { } option ? OptionMargin(p, option) : StockMargin(p);
            split[i] = new PositionMargin(p.Instrument, init, maint);
            initial += init;
            maintenance += maint;
        }

        return new MarginRequirement(Name, initial, maintenance, split);
    }

    private static (double Initial, double Maintenance) StockMargin(MarginPosition p)
    {
        var value = Math.Abs(p.Quantity * p.Price);
        if (p.Quantity >= 0)
        {
            return (InitialRate * value, LongMaintenanceRate * value);
        }

        var shares = Math.Abs(p.Quantity);
        var maintenance = p.Price < 5 ? Math.Max(value, 2.5 * shares) : Math.Max(ShortMaintenanceRate * value, 5 * shares);
        return (Math.Max(InitialRate * value, maintenance), maintenance);
    }

    private static (double Initial, double Maintenance) OptionMargin(MarginPosition p, MarginOption option)
    {
        var contracts = Math.Abs(p.Quantity);
        var premium = contracts * p.Price * option.Multiplier;
        if (p.Quantity >= 0)
        {
            return (premium, 0);
        }

        var s = p.UnderlyingPrice;
        var outOfTheMoney = option.Right == OptionRight.Call ? Math.Max(option.Strike - s, 0) : Math.Max(s - option.Strike, 0);
        var minimum = option.Right == OptionRight.Call ? 0.1 * s : 0.1 * option.Strike;
        var perShare = p.Price + Math.Max(0.2 * s - outOfTheMoney, minimum);
        var requirement = contracts * perShare * option.Multiplier;
        return (requirement, requirement);
    }
}
