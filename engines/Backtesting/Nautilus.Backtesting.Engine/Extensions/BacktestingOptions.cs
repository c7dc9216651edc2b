using Nautilus.Platform;

namespace Nautilus.Backtesting.Engine.Extensions;

/// <summary>Settings of the Backtesting engine (section <c>Nautilus:Backtesting</c>).</summary>
public sealed class BacktestingOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Backtesting";

    /// <summary>Runs at once; each takes a core.</summary>
    public int MaxConcurrentRuns { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Runs waiting beyond the running ones; more are refused (503) rather than queued without bound.</summary>
    public int MaxQueuedRuns { get; set; } = 1_000;

    /// <summary>Bars of all instruments in one run (inline or stored).</summary>
    public int MaxBarsPerRun { get; set; } = 20_000_000;

    /// <summary>Combinations in one sweep or walk-forward grid.</summary>
    public int MaxSweepCombinations { get; set; } = 100_000;

    /// <summary>Combinations per BACKTEST_WORK item: small enough that an item takes seconds, not minutes.</summary>
    public int SweepItemSize { get; set; } = 128;

    /// <summary>How often running runs report progress.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long <c>POST /api/backtests?wait=true</c> waits for the result before answering with the run's status.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<string> Problems()
    {
        if (MaxConcurrentRuns is < 1 or > 256)
        {
            yield return $"{Section}:{nameof(MaxConcurrentRuns)} must be 1 to 256, not {MaxConcurrentRuns}.";
        }

        if (MaxQueuedRuns < 1)
        {
            yield return $"{Section}:{nameof(MaxQueuedRuns)} must be positive, not {MaxQueuedRuns}.";
        }

        if (MaxBarsPerRun < 2)
        {
            yield return $"{Section}:{nameof(MaxBarsPerRun)} must be at least 2, not {MaxBarsPerRun}.";
        }

        if (MaxSweepCombinations < 1)
        {
            yield return $"{Section}:{nameof(MaxSweepCombinations)} must be positive, not {MaxSweepCombinations}.";
        }

        if (SweepItemSize < 1)
        {
            yield return $"{Section}:{nameof(SweepItemSize)} must be positive, not {SweepItemSize}.";
        }

        if (ProgressInterval < TimeSpan.FromMilliseconds(50))
        {
            yield return $"{Section}:{nameof(ProgressInterval)} must be at least 50 ms, not {ProgressInterval}.";
        }
    }
}
