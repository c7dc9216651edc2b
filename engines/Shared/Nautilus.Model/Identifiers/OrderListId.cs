using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>A group of linked orders (an OCO pair, an OTO bracket).</summary>
[MemoryPackable]
[JsonConverter(typeof(IdentifierJsonConverter<OrderListId>))]
public readonly partial record struct OrderListId : IIdentifier<OrderListId>
{
    [MemoryPackConstructor]
    public OrderListId(string value) => Value = Identifier.Check(value, nameof(value));

    public string Value { get; }

    public static OrderListId Create(string value) => new(value);

    public override string ToString() => Value;
}
