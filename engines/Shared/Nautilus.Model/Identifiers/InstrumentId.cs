using System.Text.Json;
using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>
/// An instrument: its symbol and the venue it trades on, written <c>SYMBOL.VENUE</c> (<c>AAPL.XNAS</c>,
/// <c>BTC-USD.COINBASE</c>, as NautilusTrader writes it). A symbol may itself hold dots (<c>BRK.B.XNYS</c>): the venue is
/// after the last one. Within Nautilus a symbol is unique across venues (the instrument master enforces it), so
/// storage and URLs key on <see cref="Symbol"/> alone.
/// </summary>
[MemoryPackable]
[JsonConverter(typeof(InstrumentIdJsonConverter))]
public readonly partial record struct InstrumentId
{
    [MemoryPackConstructor]
    public InstrumentId(string symbol, string venue)
    {
        Symbol = Identifier.Check(symbol, nameof(symbol), allowDots: true);
        Venue = Identifier.Check(venue, nameof(venue), allowDots: false);
    }

    public string Symbol { get; }

    public string Venue { get; }

    public static InstrumentId Parse(string value)
    {
        var dot = value?.LastIndexOf('.') ?? -1;
        if (dot <= 0 || dot == value!.Length - 1)
        {
            throw new FormatException($"'{value}' is not an instrument id: write SYMBOL.VENUE, e.g. AAPL.XNAS.");
        }

        return new InstrumentId(value[..dot], value[(dot + 1)..]);
    }

    public static bool TryParse(string? value, out InstrumentId id)
    {
        try
        {
            id = Parse(value!);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            id = default;
            return false;
        }
    }

    public override string ToString() => $"{Symbol}.{Venue}";
}

/// <summary>JSON: the <c>SYMBOL.VENUE</c> string.</summary>
public sealed class InstrumentIdJsonConverter : JsonConverter<InstrumentId>
{
    public override InstrumentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstrumentId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException($"'{reader.GetString()}' is not SYMBOL.VENUE.");

    public override void Write(Utf8JsonWriter writer, InstrumentId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
