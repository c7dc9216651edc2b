using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>An order's id at the venue that accepted it.</summary>
[MemoryPackable]
[JsonConverter(typeof(IdentifierJsonConverter<VenueOrderId>))]
public readonly partial record struct VenueOrderId : IIdentifier<VenueOrderId>
{
    [MemoryPackConstructor]
    public VenueOrderId(string value) => Value = Identifier.Check(value, nameof(value));

    public string Value { get; }

    public static VenueOrderId Create(string value) => new(value);

    public override string ToString() => Value;
}
