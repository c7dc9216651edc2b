using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>A fill's id at its venue: with the instrument, identifies one print.</summary>
[MemoryPackable]
[JsonConverter(typeof(IdentifierJsonConverter<TradeId>))]
public readonly partial record struct TradeId : IIdentifier<TradeId>
{
    [MemoryPackConstructor]
    public TradeId(string value) => Value = Identifier.Check(value, nameof(value));

    public string Value { get; }

    public static TradeId Create(string value) => new(value);

    public override string ToString() => Value;
}
