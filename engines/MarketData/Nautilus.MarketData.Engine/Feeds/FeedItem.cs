using Nautilus.MarketData.Domain.Normalisation;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>Ten (or fewer) levels a side, best first, of one instrument at one time.</summary>
public sealed record BookLevels(string Symbol, long TsNs, double[] BidPrices, double[] BidSizes, double[] AskPrices, double[] AskSizes);

/// <summary>A stored bar played back by a replay feed (already in the database: published, not stored again).</summary>
public sealed record ReplayedBar(string Symbol, int IntervalSeconds, long OpenTimeNs, double Open, double High, double Low, double Close, double Volume, int TradeCount);

/// <summary>What a feed hands the pipeline: a tick, a book snapshot (<see cref="Book"/> set) or a replayed bar (<see cref="Bar"/> set).</summary>
public readonly record struct FeedItem(Tick Tick, BookLevels? Book = null, ReplayedBar? Bar = null);
