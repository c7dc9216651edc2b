using Nautilus.Platform;

namespace Nautilus.Strategy.Engine.Extensions;

/// <summary>Settings of the Strategy engine (section <c>Nautilus:Strategy</c>).</summary>
public sealed class StrategyEngineOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Strategy";

    /// <summary>The most stored bars a start warms a strategy up on, whatever its deployment asks.</summary>
    public int WarmUpBarsCap { get; set; } = 5_000;

    public IEnumerable<string> Problems()
    {
        if (WarmUpBarsCap is < 0 or > 100_000)
        {
            yield return $"{Section}:{nameof(WarmUpBarsCap)} must be 0 to 100,000, not {WarmUpBarsCap}.";
        }
    }
}
