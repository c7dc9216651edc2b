namespace Nautilus.Vpin.Domain.Microstructure;

/// <summary>
/// What a trade paid for immediacy: the effective spread 2·D·(P − M) against the midpoint at the trade, the realised spread
/// 2·D·(P − M<sub>Δ</sub>) against the midpoint Δ later (what the liquidity provider kept), and their difference, the price
/// impact. D is +1 for a buy and −1 for a sell; each also relative to the midpoint at the trade.
/// </summary>
public readonly record struct TradeSpreads(double Effective, double Realised, double PriceImpact, double EffectiveRelative,
    double RealisedRelative)
{
    public static TradeSpreads Of(double price, int direction, double midpoint, double midpointLater)
    {
        if (direction is not (1 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "+1 for a buy, −1 for a sell");
        }

        var effective = 2 * direction * (price - midpoint);
        var realised = 2 * direction * (price - midpointLater);
        return new TradeSpreads(effective, realised, effective - realised, effective / midpoint, realised / midpoint);
    }
}
