namespace Nautilus.MarketData.Contracts;

/// <summary>
/// A company's figures per share, in the instrument's currency, as published on <see cref="AsOf"/> (point in time: a model uses
/// them from that day on). At least one figure; a figure not reported is null. Sent to <c>POST /api/fundamentals</c> as a list,
/// read from <c>GET /api/fundamentals/{symbol}</c>.
/// </summary>
public sealed record FundamentalsEntry(string? Symbol, DateOnly? AsOf, double? BookValuePerShare, double? SalesPerShare,
    double? CashFlowPerShare);

/// <summary>How many entries were stored (an entry for a symbol and day already stored replaces it).</summary>
public sealed record FundamentalsStored(int Stored);
