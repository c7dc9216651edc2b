using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>A portfolio: a set of accounts' positions managed and reported together.</summary>
[MemoryPackable]
[JsonConverter(typeof(IdentifierJsonConverter<PortfolioId>))]
public readonly partial record struct PortfolioId : IIdentifier<PortfolioId>
{
    [MemoryPackConstructor]
    public PortfolioId(string value) => Value = Identifier.Check(value, nameof(value));

    public string Value { get; }

    public static PortfolioId Create(string value) => new(value);

    public override string ToString() => Value;
}
