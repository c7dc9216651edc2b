using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>A running strategy instance (its type and a tag, e.g. sma-cross-001).</summary>
[MemoryPackable]
[JsonConverter(typeof(IdentifierJsonConverter<StrategyId>))]
public readonly partial record struct StrategyId : IIdentifier<StrategyId>
{
    [MemoryPackConstructor]
    public StrategyId(string value) => Value = Identifier.Check(value, nameof(value));

    public string Value { get; }

    public static StrategyId Create(string value) => new(value);

    public override string ToString() => Value;
}
