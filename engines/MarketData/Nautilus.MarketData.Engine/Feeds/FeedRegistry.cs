namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>The feeds this engine has, by name.</summary>
public sealed class FeedRegistry(IEnumerable<IMarketDataFeed> feeds)
{
    public IReadOnlyList<IMarketDataFeed> All { get; } = [.. feeds];

    public IMarketDataFeed? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
