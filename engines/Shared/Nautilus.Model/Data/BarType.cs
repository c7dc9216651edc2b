using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>
/// What a series of bars is: its instrument, its interval, and the price it is built from. Written
/// <c>AAPL.XNAS-60s-LAST</c>.
/// </summary>
[MemoryPackable]
public readonly partial record struct BarType
{
    [MemoryPackConstructor]
    [JsonConstructor]
    public BarType(InstrumentId instrumentId, int intervalSeconds, PriceType priceType = PriceType.Last)
    {
        if (intervalSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalSeconds), intervalSeconds, "A bar interval must be positive.");
        }

        if (!Enum.IsDefined(priceType))
        {
            throw new ArgumentOutOfRangeException(nameof(priceType), priceType, "Unknown price type.");
        }

        InstrumentId = instrumentId;
        IntervalSeconds = intervalSeconds;
        PriceType = priceType;
    }

    public InstrumentId InstrumentId { get; }

    public int IntervalSeconds { get; }

    public PriceType PriceType { get; }

    [MemoryPackIgnore]
    [JsonIgnore]
    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public override string ToString() => $"{InstrumentId}-{IntervalSeconds}s-{PriceType.ToString().ToUpperInvariant()}";
}
