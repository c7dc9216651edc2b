using Nautilus.MarketData.Domain.Normalisation;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>Ten (or fewer) levels a side, best first, of one instrument at one time.</summary>
public sealed record BookLevels(string Symbol, long TsNs, double[] BidPrices, double[] BidSizes, double[] AskPrices, double[] AskSizes);

/// <summary>What a feed hands the pipeline: a tick, or a book snapshot (then <see cref="Book"/> is set).</summary>
public readonly record struct FeedItem(Tick Tick, BookLevels? Book = null);
