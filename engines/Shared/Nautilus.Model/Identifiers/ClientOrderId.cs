using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>An order's id as its strategy (the client) gives it, unique per strategy: how the strategy follows its order.</summary>
[MemoryPackable]
[JsonConverter(typeof(IdentifierJsonConverter<ClientOrderId>))]
public readonly partial record struct ClientOrderId : IIdentifier<ClientOrderId>
{
    [MemoryPackConstructor]
    public ClientOrderId(string value) => Value = Identifier.Check(value, nameof(value));

    public string Value { get; }

    public static ClientOrderId Create(string value) => new(value);

    public override string ToString() => Value;
}
