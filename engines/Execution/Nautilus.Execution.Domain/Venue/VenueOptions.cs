namespace Nautilus.Execution.Domain.Venue;

/// <summary>
/// How the simulated venue fills. <see cref="Latency"/>: an order can first match this long after it is submitted.
/// <see cref="MaxVolumeShare"/>: the most of a bar's volume one order may take (null: all of it, the default for
/// backtests on bars); the rest stays working as a partial fill.
/// </summary>
public sealed record VenueOptions(TimeSpan Latency, double? MaxVolumeShare, IFeeModel Fees, ISlippageModel Slippage)
{
    /// <summary>No latency, no volume cap, no fees, no slippage.</summary>
    public static VenueOptions Frictionless { get; } = new(TimeSpan.Zero, null, NoFees.Instance, NoSlippage.Instance);
}
