using Nautilus.Model;

namespace Nautilus.Portfolio.Domain.Structure;

/// <summary>The book's nodes together: what a node inherits from the nodes above it.</summary>
public sealed class PortfolioBook(IEnumerable<PortfolioNode> nodes)
{
    private readonly Dictionary<string, PortfolioNode> _byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

    public PortfolioNode? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The currency a node reports in: its own, else its nearest ancestor's, else USD.</summary>
    public Currency CurrencyOf(string id)
    {
        for (var node = Find(id); node is not null; node = node.ParentId is { } up ? Find(up) : null)
        {
            if (node.Currency is { } currency)
            {
                return currency;
            }
        }

        return Currency.USD;
    }
}
