using Nautilus.Platform;

namespace Nautilus.Vpin.Engine.Extensions;

public sealed class VpinOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Vpin";

    /// <summary>How long before a trade the quote Lee–Ready compares it with is taken (0: the quote in force at the trade).</summary>
    public TimeSpan QuoteDelay { get; set; } = TimeSpan.Zero;

    public IEnumerable<string> Problems()
    {
        if (QuoteDelay < TimeSpan.Zero || QuoteDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(QuoteDelay)} must be 0 to 1 minute, not {QuoteDelay}.";
        }
    }
}
