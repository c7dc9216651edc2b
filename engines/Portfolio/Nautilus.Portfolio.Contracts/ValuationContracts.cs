namespace Nautilus.Portfolio.Contracts;

/// <summary>
/// <c>POST /api/portfolio/valuation</c>: a portfolio valued from its fills. <see cref="Method"/> <c>fifo</c> (default) or
/// <c>average-cost</c>; <see cref="Prices"/> the last price per symbol (in its currency); <see cref="FxRates"/> units of the
/// base currency per unit of each other currency; <see cref="InitialCash"/> in the base currency.
/// </summary>
public sealed record ValuationRequest(IReadOnlyList<FillEntry>? Fills, IReadOnlyDictionary<string, double>? Prices = null,
    IReadOnlyDictionary<string, double>? FxRates = null, string BaseCurrency = "USD", string Method = "fifo", double InitialCash = 0);

/// <summary>A fill: <see cref="Side"/> buy or sell, a positive quantity, its price and fee in <see cref="Currency"/>.</summary>
public sealed record FillEntry(string? Symbol, string? Side, double Quantity, double Price, double Fee = 0, string Currency = "USD",
    double Multiplier = 1);

public sealed record HoldingView(string Symbol, string Currency, double Quantity, double AverageCost, double? Price, double MarketValue,
    double RealizedPnl, double UnrealizedPnl, double Fees);

/// <summary>Everything in the base currency: holdings, cash, market value, P&amp;L, fees and net asset value.</summary>
public sealed record ValuationResponse(string BaseCurrency, string Method, IReadOnlyList<HoldingView> Holdings, double Cash,
    double MarketValue, double RealizedPnl, double UnrealizedPnl, double Fees, double NetAssetValue);
