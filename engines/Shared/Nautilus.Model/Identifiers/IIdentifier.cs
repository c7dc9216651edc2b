using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nautilus.Model;

/// <summary>An identifier that is one checked string (<see cref="Identifier"/>'s rule), written as that string in JSON.</summary>
public interface IIdentifier<TSelf> where TSelf : struct, IIdentifier<TSelf>
{
    static abstract TSelf Create(string value);

    string Value { get; }
}

/// <summary>JSON for every <see cref="IIdentifier{TSelf}"/>: its text.</summary>
public sealed class IdentifierJsonConverter<T> : JsonConverter<T> where T : struct, IIdentifier<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return T.Create(reader.GetString()!);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
