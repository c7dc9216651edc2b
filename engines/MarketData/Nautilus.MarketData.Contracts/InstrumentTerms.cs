namespace Nautilus.MarketData.Contracts;

/// <summary>What a trading client needs of an instrument of the master: where it trades, its currency, its increments.</summary>
public sealed record InstrumentTerms(string Symbol, string Venue, string Currency, decimal TickSize, decimal LotSize);
