using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.Model;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>Ten (or fewer) levels a side, best first, of one instrument at one time.</summary>
public sealed record BookLevels(string Symbol, long TsNs, double[] BidPrices, double[] BidSizes, double[] AskPrices, double[] AskSizes);

/// <summary>
/// What a feed hands the pipeline: a tick, a book snapshot (<see cref="Book"/> set) or a stored bar played back
/// (<see cref="Bar"/> set: already in the database, so published and not stored again).
/// </summary>
public readonly record struct FeedItem(Tick Tick, BookLevels? Book = null, Bar? Bar = null);
