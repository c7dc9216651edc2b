using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>A trading account (at a broker or venue): where positions and cash are held.</summary>
[MemoryPackable]
[JsonConverter(typeof(IdentifierJsonConverter<AccountId>))]
public readonly partial record struct AccountId : IIdentifier<AccountId>
{
    [MemoryPackConstructor]
    public AccountId(string value) => Value = Identifier.Check(value, nameof(value));

    public string Value { get; }

    public static AccountId Create(string value) => new(value);

    public override string ToString() => Value;
}
