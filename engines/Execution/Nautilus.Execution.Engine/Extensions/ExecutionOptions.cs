using Nautilus.Execution.Domain.Positions;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Platform;

namespace Nautilus.Execution.Engine.Extensions;

/// <summary>Settings of the paper venue and the PMS (section <c>Nautilus:Execution</c>).</summary>
public sealed class ExecutionOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Execution";

    /// <summary>NETTING (one position per account and instrument) or HEDGING (a position per opening fill).</summary>
    public PositionMode PositionMode { get; set; } = PositionMode.Netting;

    /// <summary>
    /// A modelled trip to the venue: an order can first match this long after submission, on market time. None by default:
    /// live, the order's real trip through Strategy, Risk and Execution is already its latency, and it matches on arrival
    /// against the last quote.
    /// </summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Commission per unit (0.005: IB's fixed US equity rate) with <see cref="MinimumFee"/> a fill; 0 for none.</summary>
    public decimal FeePerUnit { get; set; }

    public decimal MinimumFee { get; set; }

    /// <summary>Slippage of market fills in basis points; 0 for none.</summary>
    public decimal SlippageBps { get; set; }

    /// <summary>Cash of a new paper account.</summary>
    public decimal InitialCash { get; set; } = 1_000_000m;

    public IFeeModel Fees() => FeePerUnit > 0 || MinimumFee > 0 ? new PerUnitFee(FeePerUnit, MinimumFee) : NoFees.Instance;

    public ISlippageModel Slippage() => SlippageBps > 0 ? new BasisPointsSlippage(SlippageBps) : NoSlippage.Instance;

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(PositionMode))
        {
            yield return $"{Section}:{nameof(PositionMode)} must be Netting or Hedging.";
        }

        if (Latency < TimeSpan.Zero || Latency > TimeSpan.FromSeconds(10))
        {
            yield return $"{Section}:{nameof(Latency)} must be 0 to 10 s, not {Latency}.";
        }

        if (FeePerUnit < 0 || MinimumFee < 0 || SlippageBps < 0)
        {
            yield return $"{Section}: fees and slippage cannot be negative.";
        }

        if (InitialCash < 0)
        {
            yield return $"{Section}:{nameof(InitialCash)} cannot be negative.";
        }
    }
}
