using Nautilus.Platform;

namespace Nautilus.Portfolio.Engine.Extensions;

public sealed class PortfolioOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Portfolio";

    /// <summary>
    /// A portfolio is revalued on a price of one of its holdings at most this often in market time (each fill revalues it): once
    /// a second live, every bar of a daily replay.
    /// </summary>
    public TimeSpan UpdateEvery { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Problems()
    {
        if (UpdateEvery < TimeSpan.Zero || UpdateEvery > TimeSpan.FromDays(1))
        {
            yield return $"{Section}:{nameof(UpdateEvery)} must be 0 to 1 day, not {UpdateEvery}.";
        }
    }
}
