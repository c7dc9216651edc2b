namespace Nautilus.Vpin.Domain;

/// <summary>A full bucket of volume split into the buyer- and seller-initiated parts, closed at <see cref="EndNanos"/>.</summary>
public readonly record struct VolumeBucket(double BuyVolume, double SellVolume, long EndNanos, double LastPrice)
{
    public double Imbalance => Math.Abs(BuyVolume - SellVolume);
}
