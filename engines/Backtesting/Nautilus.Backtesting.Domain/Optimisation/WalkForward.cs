using Nautilus.Model;

namespace Nautilus.Backtesting.Domain.Optimisation;

/// <summary>One fold's outcome: its windows (as bar indices of the whole series), the chosen set, in- and out-of-sample runs.</summary>
public sealed record FoldOutcome(int Fold, int TrainStart, int TrainEnd, int TestStart, int TestEnd, Dictionary<string, double> Chosen,
    BacktestResult InSample, BacktestResult OutOfSample);

/// <summary>
/// Walk-forward optimisation (Pardo's): the bars split into <c>folds</c> consecutive test windows after a first training
/// window; each test window is preceded by a training window <c>trainRatio</c> times its length. In each fold every
/// candidate set runs on the training bars, the best by the ranking runs on the test bars (its indicators warmed on the
/// training bars, its trades and equity counted from the test window's start). Candidates run in parallel; <c>create</c>
/// makes a strategy of a set, or null for a set the strategy refuses (fast ≥ slow).
/// </summary>
public static class WalkForward
{
    public static IReadOnlyList<FoldOutcome> Run(IReadOnlyList<IMarketData> events, IReadOnlyList<Dictionary<string, double>> candidates,
        int folds, double trainRatio, string rankBy, Func<Dictionary<string, double>, Strategy.Domain.TradingStrategy?> create,
        BacktestSettings settings, CancellationToken ct)
    {
        Ranking.Check(rankBy);
        if (folds < 1 || folds > 50)
        {
            throw new BacktestInputException("folds", $"{folds}; between 1 and 50");
        }

        if (!(trainRatio >= 0.1) || trainRatio > 20)
        {
            throw new BacktestInputException("trainRatio", $"{trainRatio}; between 0.1 and 20");
        }

        var times = DistinctTimes(events);
        var testLength = (int)Math.Floor(times.Count / (folds + trainRatio));
        var trainLength = (int)Math.Floor(testLength * trainRatio);
        if (testLength < 2 || trainLength < 2)
        {
            throw new BacktestInputException("folds",
                $"{times.Count} bar times are too few for {folds} folds with a training ratio of {trainRatio}");
        }

        var outcomes = new List<FoldOutcome>();
        for (var fold = 0; fold < folds; fold++)
        {
            var testStart = trainLength + fold * testLength;
            var testEnd = fold == folds - 1 ? times.Count : testStart + testLength;
            var trainStart = testStart - trainLength;
            var train = Slice(events, times[trainStart], times[testStart]);
            var results = new BacktestResult?[candidates.Count];
            var summaryOnly = settings with { FullStatistics = false };
            Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                if (create(candidates[i]) is { } strategy)
                {
                    results[i] = new BacktestKernel(summaryOnly, strategy).Run(train, ct);
                }
            });
            var best = Enumerable.Range(0, candidates.Count).Where(i => results[i] is not null)
                .OrderByDescending(i => Ranking.Score(results[i]!.Summary, rankBy)).ThenBy(i => i)
                .FirstOrDefault(-1);
            if (best < 0)
            {
                throw new BacktestInputException("grid", "no combination of the grid is valid for the strategy");
            }

            // The chosen set runs from the training window's start so its indicators are warm, counted from the test start.
            var test = Slice(events, times[trainStart], times[testEnd - 1] + TimeSpan.FromTicks(1));
            var full = new BacktestKernel(settings with { CountFrom = times[testStart] }, create(candidates[best])!).Run(test, ct);
            outcomes.Add(new FoldOutcome(fold, trainStart, testStart, testStart, testEnd, candidates[best], results[best]!, full));
        }

        return outcomes;
    }

    private static List<UnixNanos> DistinctTimes(IReadOnlyList<IMarketData> events)
    {
        var times = new List<UnixNanos>();
        foreach (var e in events)
        {
            if (times.Count == 0 || times[^1] != e.TsEvent)
            {
                times.Add(e.TsEvent);
            }
        }

        return times;
    }

    private static IMarketData[] Slice(IReadOnlyList<IMarketData> events, UnixNanos from, UnixNanos to) =>
        [.. events.Where(e => e.TsEvent >= from && e.TsEvent < to)];
}
