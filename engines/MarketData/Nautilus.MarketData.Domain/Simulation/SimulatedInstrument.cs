namespace Nautilus.MarketData.Domain.Simulation;

/// <summary>What the simulator needs of an instrument: its sector (for correlation), start price, volatility, increments.</summary>
public sealed record SimulatedInstrument(
    string Symbol, string Sector, double InitialPrice, double AnnualVolatility, double TickSize, double LotSize);
