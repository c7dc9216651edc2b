using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Instruments;

public enum AssetClass : byte { Equity = 1, Etf = 2, Crypto = 3, Future = 4, Fx = 5 }

/// <summary>
/// An instrument of the master: what it is, where it trades, and the increments its prices and sizes move in.
/// <see cref="SharesOutstanding"/> is known for equities only, and only when the source says so.
/// </summary>
public sealed record Instrument(
    string Symbol,
    AssetClass AssetClass,
    string Venue,
    string Currency,
    decimal TickSize,
    decimal LotSize,
    string Sector,
    long? SharesOutstanding = null)
{
    /// <summary>The instrument's id on the buses: <c>SYMBOL.VENUE</c>.</summary>
    public InstrumentId Id => new(Symbol, Venue);

    /// <summary>Decimal places of its prices: those of the tick size (0.01 gives 2).</summary>
    public int PricePrecision => PlacesOf(TickSize);

    /// <summary>Decimal places of its sizes: those of the lot size (1 gives 0, 0.00000001 gives 8).</summary>
    public int SizePrecision => PlacesOf(LotSize);

    /// <summary>At the instrument's precision, or finer for a value off its grid (adjusted history): nothing is rounded away.</summary>
    public Price PriceOf(double value) => Price.FromDoubleAtLeast(value, PricePrecision);

    /// <summary>At the instrument's size precision, or finer for a value off its grid.</summary>
    public Quantity SizeOf(double value) => Quantity.FromDoubleAtLeast(value, SizePrecision);

    private static int PlacesOf(decimal increment) => (increment / 1.0000000000000000000000000000m).Scale;

    /// <summary>Checks the fields a venue needs; returns (field, problem) pairs, empty when the instrument is valid.</summary>
    public IReadOnlyList<(string Field, string Problem)> Validate()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Symbol) || Symbol.Length > 32 || Symbol.Any(char.IsWhiteSpace))
        {
            problems.Add((nameof(Symbol), "1 to 32 characters, no spaces"));
        }

        if (!Enum.IsDefined(AssetClass))
        {
            problems.Add((nameof(AssetClass), $"one of {string.Join(", ", Enum.GetNames<AssetClass>())}"));
        }

        if (string.IsNullOrWhiteSpace(Venue) || Venue.Length > 32 || !Venue.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add((nameof(Venue), "1 to 32 letters, digits, '-' or '_' (it follows the last dot of SYMBOL.VENUE)"));
        }

        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
        {
            problems.Add((nameof(Currency), "an ISO 4217 code such as USD"));
        }

        if (TickSize <= 0 || PlacesOf(TickSize) > Price.MaxPrecision)
        {
            problems.Add((nameof(TickSize), $"must be positive, with at most {Price.MaxPrecision} decimal places"));
        }

        if (LotSize <= 0 || PlacesOf(LotSize) > Price.MaxPrecision)
        {
            problems.Add((nameof(LotSize), $"must be positive, with at most {Price.MaxPrecision} decimal places"));
        }

        if (string.IsNullOrWhiteSpace(Sector))
        {
            problems.Add((nameof(Sector), "required"));
        }

        if (SharesOutstanding is <= 0)
        {
            problems.Add((nameof(SharesOutstanding), "must be positive when given"));
        }

        return problems;
    }
}
