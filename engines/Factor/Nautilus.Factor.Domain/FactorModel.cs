namespace Nautilus.Factor.Domain;

/// <summary>
/// A universe's daily history aligned by date, oldest first: closes and volumes per asset (NaN where it did not trade), its sector
/// and shares outstanding (null when unknown), and user-defined style scores by name (one row per date, one score per asset; NaN
/// where unknown).
/// </summary>
public sealed record UniverseHistory(IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Symbols, double[][] Closes, double[][] Volumes,
    string[] Sectors, double?[] Shares, IReadOnlyDictionary<string, double[][]>? UserScores = null,
    IReadOnlyList<Fundamentals>[]? Fundamentals = null);

/// <summary>
/// A company's figures per share as published on <see cref="AsOf"/>: used from that day's close on, never before (point in
/// time). A figure not reported is null.
/// </summary>
public sealed record Fundamentals(DateOnly AsOf, double? BookValuePerShare, double? SalesPerShare, double? CashFlowPerShare);

/// <summary>One day of the model: the factor returns from the day before to <see cref="Date"/> on the exposures of the day
/// before, which assets took part, their standardised style exposures and regression weights.</summary>
public sealed record FactorDay(DateOnly Date, FactorReturns Returns, IReadOnlyList<int> Assets, double[][] Exposures, double[] Weights);

/// <summary>A built model: the style names (built-in, then user-defined), how capitalisation was measured, and every day.</summary>
public sealed record FactorModelResult(IReadOnlyList<string> Styles, string CapitalisationBasis, IReadOnlyList<FactorDay> Days);

/// <summary>
/// The Barra-style model over history (as toraniko): each day t the assets with a full history at t−1 and a return to t are
/// scored at t−1 (<see cref="StyleScores"/>, value from the figures published by then, any user scores), scores are
/// standardised across them
/// (<see cref="ExposureStandardisation"/>: winsorised 5–95 %, centred on the capitalisation-weighted mean, unit standard
/// deviation; an asset without a user score gets 0, the cap-weighted mean), and the returns from t−1 to t are regressed on market,
/// sectors and styles with weights √capitalisation (<see cref="CrossSectionalRegression"/>). A day with fewer assets than
/// <c>minAssets</c> or fewer than two sectors is skipped.
/// </summary>
public static class FactorModel
{
    public static FactorModelResult Build(UniverseHistory history, int minAssets = 10)
    {
        var n = history.Symbols.Count;
        var days = history.Dates.Count;
        if (history.Closes.Length != n || history.Volumes.Length != n || history.Sectors.Length != n || history.Shares.Length != n)
        {
            throw new FactorInputException("universe", "closes, volumes, sectors and shares must have one entry per symbol");
        }

        var userNames = history.UserScores?.Keys.Order(StringComparer.Ordinal).ToArray() ?? [];
        // Value needs published figures: a style of the run when any asset of the universe has them.
        var fundamentals = history.Fundamentals is { } given && given.Any(f => f.Count > 0)
            ? given.Select(f => f.OrderBy(x => x.AsOf).ToArray()).ToArray()
            : null;
        if (fundamentals is not null && fundamentals.Length != n)
        {
            throw new FactorInputException("universe", "fundamentals must have one entry per symbol");
        }

        var builtIn = fundamentals is null ? StyleScores.Names : [.. StyleScores.Names, StyleScores.Value];
        var styles = builtIn.Concat(userNames).ToArray();
        var byMarketCap = n > 0 && history.Shares.All(s => s is > 0);
        var result = new List<FactorDay>();
        for (var t = StyleScores.FirstDay + 1; t < days; t++)
        {
            var s = t - 1;
            var assets = new List<int>();
            for (var i = 0; i < n; i++)
            {
                if (HasHistory(history.Closes[i], history.Volumes[i], s) && double.IsFinite(history.Closes[i][t]) &&
                    history.Closes[i][t] > 0)
                {
                    assets.Add(i);
                }
            }

            if (assets.Count < Math.Max(minAssets, 3) || assets.Select(i => history.Sectors[i]).Distinct().Count() < 2)
            {
                continue;
            }

            var m = assets.Count;
            var caps = assets.Select(i => byMarketCap
                ? history.Closes[i][s] * history.Shares[i]!.Value
                : StyleScores.DollarVolume(history.Closes[i], history.Volumes[i], s, StyleScores.CapitalisationWindow)).ToArray();
            if (caps.Any(c => !(c > 0)))
            {
                continue; // a day without trading volume for an asset cannot weigh it
            }

            var raw = new double[styles.Length][];
            raw[0] = assets.Select(i => StyleScores.Momentum(history.Closes[i], s)).ToArray();
            raw[1] = caps.Select(c => Math.Log(c)).ToArray();
            raw[2] = assets.Select(i => StyleScores.Volatility(history.Closes[i], s)).ToArray();
            raw[3] = assets.Select((i, j) => Math.Log(StyleScores.DollarVolume(history.Closes[i], history.Volumes[i], s,
                StyleScores.LiquidityWindow) / caps[j])).ToArray();
            if (fundamentals is not null)
            {
                raw[4] = ValueScores(fundamentals, history.Closes, assets, s, history.Dates[s], caps);
            }

            for (var u = 0; u < userNames.Length; u++)
            {
                var scores = history.UserScores![userNames[u]][s];
                raw[builtIn.Count + u] = assets.Select(i => scores[i]).ToArray();
            }

            var standardised = new double[styles.Length][];
            for (var k = 0; k < styles.Length; k++)
            {
                standardised[k] = StandardiseWithGaps(raw[k], caps);
            }

            var exposures = Enumerable.Range(0, m).Select(j => standardised.Select(col => col[j]).ToArray()).ToArray();
            var returns = assets.Select(i => history.Closes[i][t] / history.Closes[i][s] - 1).ToArray();
            var weights = caps.Select(c => Math.Sqrt(c)).ToArray();
            var sectors = assets.Select(i => history.Sectors[i]).ToArray();
            result.Add(new FactorDay(history.Dates[t], CrossSectionalRegression.Regress(returns, sectors, exposures, weights), assets,
                exposures, weights));
        }

        return new FactorModelResult(styles, byMarketCap ? "market-cap" : "dollar-volume", result);
    }

    private static bool HasHistory(double[] closes, double[] volumes, int s)
    {
        if (s < StyleScores.FirstDay)
        {
            return false;
        }

        for (var d = s - StyleScores.MomentumLookback; d <= s; d++)
        {
            if (!(closes[d] > 0) || !double.IsFinite(volumes[d]) || volumes[d] < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Value as toraniko scores it: book ÷ price, sales ÷ price and cash flow ÷ price from the latest figures published by the
    /// day, each standardised across the assets that have it, then averaged per asset over the ratios it has (NaN: none).
    /// </summary>
    private static double[] ValueScores(Fundamentals[][] fundamentals, double[][] closes, List<int> assets, int s, DateOnly date,
        double[] caps)
    {
        var m = assets.Count;
        var ratios = Enumerable.Range(0, 3).Select(_ => Enumerable.Repeat(double.NaN, m).ToArray()).ToArray();
        for (var j = 0; j < m; j++)
        {
            var i = assets[j];
            if (LatestBy(fundamentals[i], date) is not { } figures)
            {
                continue;
            }

            var close = closes[i][s];
            ratios[0][j] = figures.BookValuePerShare / close ?? double.NaN;
            ratios[1][j] = figures.SalesPerShare / close ?? double.NaN;
            ratios[2][j] = figures.CashFlowPerShare / close ?? double.NaN;
        }

        var standardised = ratios.Select(r => StandardiseWithGaps(r, caps, unknown: double.NaN)).ToArray();
        return Enumerable.Range(0, m).Select(j => standardised.Select(z => z[j]).Where(double.IsFinite).DefaultIfEmpty(double.NaN)
            .Average()).ToArray();
    }

    private static Fundamentals? LatestBy(Fundamentals[] published, DateOnly date)
    {
        Fundamentals? latest = null;
        foreach (var figures in published)
        {
            if (figures.AsOf > date)
            {
                break;
            }

            latest = figures;
        }

        return latest;
    }

    /// <summary>Standardises the known scores; an unknown one gets <paramref name="unknown"/> (by default 0, the cap-weighted
    /// mean).</summary>
    private static double[] StandardiseWithGaps(double[] scores, double[] caps, double unknown = 0)
    {
        var known = Enumerable.Range(0, scores.Length).Where(j => double.IsFinite(scores[j])).ToArray();
        var result = Enumerable.Repeat(unknown, scores.Length).ToArray();
        if (known.Length < 2)
        {
            return result;
        }

        double[] standardised;
        try
        {
            standardised = ExposureStandardisation.Standardise([.. known.Select(j => scores[j])], [.. known.Select(j => caps[j])]);
        }
        catch (FactorInputException)
        {
            return result; // every score the same: no information that day
        }

        for (var j = 0; j < known.Length; j++)
        {
            result[known[j]] = standardised[j];
        }

        return result;
    }
}
