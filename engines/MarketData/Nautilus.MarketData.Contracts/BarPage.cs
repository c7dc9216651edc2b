using Nautilus.Model;

namespace Nautilus.MarketData.Contracts;

/// <summary>
/// <c>GET /api/bars/{symbol}</c>: stored bars oldest first, prices at the instrument's precision; <see cref="NextCursor"/>
/// continues the range, <see cref="Current"/> is the bar still being built.
/// </summary>
public sealed record BarPage(IReadOnlyList<Bar> Items, string? NextCursor, Bar? Current);
