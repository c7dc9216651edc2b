using Nautilus.Platform;

namespace Nautilus.MarketData.Engine.Extensions;

/// <summary>Settings of the MarketData engine (section <c>Nautilus:MarketData</c>).</summary>
public sealed class MarketDataOptions : IValidatedOptions
{
    public const string Section = "Nautilus:MarketData";

    /// <summary>Start the simulator once the instrument master is loaded, so a fresh platform shows live prices.</summary>
    public bool AutoStartSimulator { get; set; } = true;

    /// <summary>Where the tick-replay feed's files are kept; by default a folder under the system's temp directory.</summary>
    public string ReplayDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "nautilus", "replay");

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ReplayDirectory) || ReplayDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return $"{Section}:{nameof(ReplayDirectory)} must be a directory path, not '{ReplayDirectory}'.";
        }
    }
}
