using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>
/// An OHLCV bar of <see cref="BarType"/>, by the time it opened (<see cref="TsEvent"/>); it covers
/// [<see cref="TsEvent"/>, <see cref="TsClose"/>). The platform's one bar type: the bus, storage, indicators, the
/// strategy API and the UI all read it. Analytics take <see cref="Price.AsDouble"/> of its fields.
/// </summary>
[MemoryPackable]
public sealed partial record Bar(
    BarType BarType,
    Price Open,
    Price High,
    Price Low,
    Price Close,
    Quantity Volume,
    int TradeCount,
    UnixNanos TsEvent) : IMarketData
{
    [MemoryPackIgnore]
    [JsonIgnore]
    public InstrumentId InstrumentId => BarType.InstrumentId;

    [MemoryPackIgnore]
    public UnixNanos TsClose => TsEvent + BarType.Interval;

    /// <summary>The problems of this bar's prices (low above high, open or close outside them), empty when consistent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Low > High)
        {
            problems.Add($"low {Low} is above high {High}");
        }

        if (Open < Low || Open > High)
        {
            problems.Add($"open {Open} is outside [{Low}, {High}]");
        }

        if (Close < Low || Close > High)
        {
            problems.Add($"close {Close} is outside [{Low}, {High}]");
        }

        return problems;
    }
}
