namespace Nautilus.MarketData.Contracts;

/// <summary>
/// What a client needs of an instrument of the master: where it trades, its currency, its increments; its sector and shares
/// outstanding (null when the master does not know them) for factor models.
/// </summary>
public sealed record InstrumentTerms(string Symbol, string Venue, string Currency, decimal TickSize, decimal LotSize,
    string? Sector = null, long? SharesOutstanding = null);
