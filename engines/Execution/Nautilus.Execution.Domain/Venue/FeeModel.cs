using Nautilus.Model;

namespace Nautilus.Execution.Domain.Venue;

/// <summary>What a fill costs in commission, in the instrument's currency (LEAN's fee models are the example).</summary>
public interface IFeeModel
{
    decimal FeeOf(TradableInstrument instrument, Quantity quantity, decimal price, bool maker);
}

/// <summary>No commission: the default of a backtest unless fees are configured.</summary>
public sealed class NoFees : IFeeModel
{
    public static readonly NoFees Instance = new();

    public decimal FeeOf(TradableInstrument instrument, Quantity quantity, decimal price, bool maker) => 0m;
}

/// <summary>A fee per unit with a minimum per fill (Interactive Brokers' fixed US equity rate is 0.005 a share, 1.00 minimum).</summary>
public sealed record PerUnitFee(decimal PerUnit, decimal Minimum = 0) : IFeeModel
{
    public decimal FeeOf(TradableInstrument instrument, Quantity quantity, decimal price, bool maker) =>
        Math.Round(Math.Max(Minimum, PerUnit * quantity.ToDecimal()), instrument.Currency.Precision);
}

/// <summary>A fraction of the traded value in basis points, takers and makers apart (crypto venues' maker/taker schedule).</summary>
public sealed record BasisPointsFee(decimal TakerBps, decimal MakerBps, decimal Minimum = 0) : IFeeModel
{
    public decimal FeeOf(TradableInstrument instrument, Quantity quantity, decimal price, bool maker) =>
        Math.Round(Math.Max(Minimum, (maker ? MakerBps : TakerBps) / 10_000m * quantity.ToDecimal() * price * instrument.Multiplier),
            instrument.Currency.Precision);
}
