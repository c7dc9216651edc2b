using Nautilus.Platform;

namespace Nautilus.Analytics.Engine.Extensions;

/// <summary>Settings of the Analytics engine's published results (section <c>Nautilus:Analytics</c>).</summary>
public sealed class AnalyticsOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Analytics";

    /// <summary>Shortest time between two ANALYTICS_RESULTs of one portfolio: valuations arrive far more often than statistics
    /// move.</summary>
    public TimeSpan ResultInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Days of history the published statistics cover.</summary>
    public int ResultLookbackDays { get; set; } = 365;

    public IEnumerable<string> Problems()
    {
        if (ResultInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return $"{Section}:{nameof(ResultInterval)} must be at least 100 ms, not {ResultInterval}.";
        }

        if (ResultLookbackDays < 2)
        {
            yield return $"{Section}:{nameof(ResultLookbackDays)} must be at least 2 days, not {ResultLookbackDays}.";
        }
    }
}
