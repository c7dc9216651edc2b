using System.Globalization;
using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>
/// An amount of one currency, rounded to the currency's precision (half to even, as accountants round). A
/// <see cref="decimal"/>, not fixed-point: amounts add up across whole portfolios, where a long's range at eight
/// decimal places (about 92 billion) is not enough, and money is summed far less often than prices are compared.
/// Adding two currencies is refused: convert first.
/// </summary>
[MemoryPackable]
public readonly partial record struct Money
{
    [MemoryPackConstructor]
    [JsonConstructor]
    public Money(decimal amount, Currency currency)
    {
        Currency = currency;
        Amount = Math.Round(amount, currency.Precision, MidpointRounding.ToEven);
    }

    public decimal Amount { get; }

    public Currency Currency { get; }

    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, Same(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, Same(a, b));

    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor, a.Currency);

    /// <summary>This amount in <paramref name="target"/> at <paramref name="rate"/> units of target per unit of this currency.</summary>
    public Money ConvertTo(Currency target, decimal rate) => rate > 0
        ? new Money(Amount * rate, target)
        : throw new ArgumentOutOfRangeException(nameof(rate), rate, "An exchange rate must be positive.");

    private static Currency Same(Money a, Money b) => a.Currency.Code == b.Currency.Code
        ? a.Currency
        : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency}: convert one first.");

    public override string ToString() =>
        Amount.ToString("F" + Currency.Precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency.Code;
}
