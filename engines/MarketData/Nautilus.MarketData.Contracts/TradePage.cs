using Nautilus.Model;

namespace Nautilus.MarketData.Contracts;

/// <summary>
/// <c>GET /api/trades/{symbol}</c>: stored trades in the order they were accepted, prices and sizes at the instrument's
/// precision; <see cref="NextCursor"/> continues the range.
/// </summary>
public sealed record TradePage(IReadOnlyList<TradeTick> Items, string? NextCursor);
