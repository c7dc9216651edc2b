using System.Text.Json;
using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>
/// A currency by its code (ISO 4217, or a crypto asset's ticker) and the decimal places its amounts are kept to.
/// Known codes get their usual precision (JPY 0, USD 2, BTC 8); others default to 2 unless given.
/// </summary>
[MemoryPackable]
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly partial record struct Currency
{
    private static readonly Dictionary<string, int> KnownPrecisions = new(StringComparer.Ordinal)
    {
        ["USD"] = 2,
        ["EUR"] = 2,
        ["GBP"] = 2,
        ["CHF"] = 2,
        ["CAD"] = 2,
        ["AUD"] = 2,
        ["NZD"] = 2,
        ["HKD"] = 2,
        ["SGD"] = 2,
        ["SEK"] = 2,
        ["NOK"] = 2,
        ["DKK"] = 2,
        ["CNY"] = 2,
        ["INR"] = 2,
        ["MXN"] = 2,
        ["BRL"] = 2,
        ["ZAR"] = 2,
        ["JPY"] = 0,
        ["KRW"] = 0,
        ["BTC"] = 8,
        ["ETH"] = 8,
        ["USDT"] = 6,
        ["USDC"] = 6,
        ["SOL"] = 9,
    };

    [MemoryPackConstructor]
    public Currency(string code, int precision)
        : this(code, (int?)precision)
    {
    }

    public Currency(string code, int? precision = null)
    {
        if (string.IsNullOrEmpty(code) || code.Length is < 3 or > 8 || !code.All(char.IsAsciiLetterOrDigit) || code.Any(char.IsAsciiLetterLower))
        {
            throw new ArgumentException($"'{code}' is not a currency code (3 to 8 upper-case letters or digits, e.g. USD).", nameof(code));
        }

        var places = precision ?? (KnownPrecisions.TryGetValue(code, out var known) ? known : 2);
        FixedPoint.CheckPrecision(places, nameof(precision));
        Code = code;
        Precision = places;
    }

    public string Code { get; }

    public int Precision { get; }

    public static Currency USD => new("USD");

    public static Currency EUR => new("EUR");

    public static Currency Of(string code) => new(code);

    public override string ToString() => Code;
}

/// <summary>JSON: the code.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
