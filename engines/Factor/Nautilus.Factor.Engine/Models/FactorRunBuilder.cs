using System.Diagnostics;
using Nautilus.Factor.Contracts;
using Nautilus.Factor.Domain;
using Nautilus.Factor.Engine.Extensions;
using Nautilus.Factor.Engine.Persistence;
using Nautilus.Features.Contracts;
using Nautilus.MarketData.Contracts;

namespace Nautilus.Factor.Engine.Models;

/// <summary>
/// A run of the factor model over stored data: the universe's daily bars and master data from the MarketData engine, aligned by
/// date, modelled, then stored (factor returns per day; exposures, weights and specific returns per asset and day). The
/// exposures stored for a day are those its returns were regressed on: measured at the close of the day before. User-defined
/// styles are features the Features engine computes over the same stored bars.
/// </summary>
public sealed class FactorRunBuilder(MarketDataClient marketData, FeaturesClient features, FactorRepository repository,
    FactorMetrics metrics, TimeProvider clock)
{
    public const int DailyInterval = 86_400;

    private const int FetchConcurrency = 8;

    public async Task<FactorRunView> RunAsync(IReadOnlyList<string> symbols, DateOnly from, DateOnly to, int minAssets,
        IReadOnlyList<UserFactor> userFactors, CancellationToken ct)
    {
        var sectors = new string[symbols.Count];
        var shares = new double?[symbols.Count];
        var series = new Dictionary<DateOnly, (double Close, double Volume)>[symbols.Count];
        var featureValues = new Dictionary<DateOnly, IReadOnlyDictionary<string, double>>[symbols.Count];
        var fundamentals = new IReadOnlyList<Fundamentals>[symbols.Count];
        var specs = userFactors.Select(f => f.Spec).Distinct().ToArray();
        var (start, end) = (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        // A few symbols at a time: a universe of thousands is thousands of requests to the MarketData engine.
        await Parallel.ForEachAsync(Enumerable.Range(0, symbols.Count),
            new ParallelOptions { MaxDegreeOfParallelism = FetchConcurrency, CancellationToken = ct }, async (i, token) =>
            {
                var terms = await marketData.GetInstrumentAsync(symbols[i], token)
                    ?? throw new FactorInputException($"symbols[{i}]", $"'{symbols[i]}' is not in the instrument master");
                sectors[i] = string.IsNullOrWhiteSpace(terms.Sector) ? "Unclassified" : terms.Sector;
                shares[i] = terms.SharesOutstanding is > 0 ? terms.SharesOutstanding : null;
                var bars = await marketData.GetAllBarsAsync(symbols[i], DailyInterval, start, end, ct: token);
                series[i] = bars.ToDictionary(b => DateOnly.FromDateTime(b.TsEvent.ToUtcDateTime()),
                    b => (b.Close.AsDouble(), b.Volume.AsDouble()));
                featureValues[i] = specs.Length == 0 ? [] : await FeaturesOfAsync(symbols[i], start, end, specs, token);
                fundamentals[i] = [.. (await marketData.GetFundamentalsAsync(symbols[i], to, token)).Select(f => new Fundamentals(
                    f.AsOf!.Value, f.BookValuePerShare, f.SalesPerShare, f.CashFlowPerShare))];
            });

        var dates = series.SelectMany(s => s.Keys).Distinct().Order().ToArray();
        if (dates.Length <= StyleScores.FirstDay + 1)
        {
            throw new FactorInputException("from", $"{dates.Length} days of stored bars; the model needs more than " +
                $"{StyleScores.FirstDay + 1} (a year of history before its first day)");
        }

        var closes = series.Select(s => dates.Select(d => s.TryGetValue(d, out var v) ? v.Close : double.NaN).ToArray()).ToArray();
        var volumes = series.Select(s => dates.Select(d => s.TryGetValue(d, out var v) ? v.Volume : double.NaN).ToArray()).ToArray();
        var started = Stopwatch.GetTimestamp();
        var userScores = userFactors.ToDictionary(f => f.Style, f => dates.Select(d => featureValues.Select(values =>
            values.TryGetValue(d, out var row) && row.TryGetValue(f.ValueKey, out var v) ? v : double.NaN).ToArray()).ToArray());
        var model = FactorModel.Build(new UniverseHistory(dates, symbols, closes, volumes, sectors, shares, userScores,
            fundamentals), minAssets);
        metrics.ModelBuilt(model.Days.Count, Stopwatch.GetElapsedTime(started));

        var returns = new List<(DateOnly, string, double)>();
        var exposures = new List<ExposureRow>();
        foreach (var day in model.Days)
        {
            returns.Add((day.Date, "market", day.Returns.Market));
            returns.AddRange(day.Returns.SectorNames.Select((name, j) => (day.Date, $"sector:{name}", day.Returns.Sectors[j])));
            returns.AddRange(model.Styles.Select((name, k) => (day.Date, name, day.Returns.Styles[k])));
            exposures.AddRange(day.Assets.Select((i, j) => new ExposureRow(day.Date, symbols[i], sectors[i], day.Weights[j],
                day.Exposures[j], day.Returns.Residuals[j])));
        }

        var factors = FactorRepository.OrderFactors(returns.Select(r => r.Item2).Distinct(), model.Styles);
        var run = new FactorRunView($"fr-{Guid.NewGuid():N}"[..15], clock.GetUtcNow(), symbols, from, to, factors, model.Styles,
            model.CapitalisationBasis, model.Days.Count, model.Days.FirstOrDefault()?.Date, model.Days.LastOrDefault()?.Date);
        await repository.InsertRunAsync(run, returns, exposures, ct);
        return run;
    }

    /// <summary>The features of one symbol by day; a feature still warming up on a day is absent (its exposure that day is 0).</summary>
    private async Task<Dictionary<DateOnly, IReadOnlyDictionary<string, double>>> FeaturesOfAsync(string symbol, DateTimeOffset start,
        DateTimeOffset end, IReadOnlyList<string> specs, CancellationToken ct)
    {
        try
        {
            var computed = await features.OverHistoryAsync(symbol, DailyInterval, start, end, specs, ct);
            return computed.Rows.Where(r => r.Ts is not null)
                .ToDictionary(r => DateOnly.FromDateTime(r.Ts!.Value.UtcDateTime), r => r.Values);
        }
        catch (HttpRequestException ex)
        {
            throw new DependencyUnavailableException("features-engine", $"user-defined factors cannot be computed: {ex.Message}");
        }
        catch (FeaturesRequestException ex)
        {
            throw new FactorInputException("userFactors", $"the Features engine refused them for '{symbol}': {ex.Problem}");
        }
    }
}
