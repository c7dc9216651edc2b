using System.Text.Json.Serialization;
using Nautilus.Risk.Domain.Statistics;
using Nautilus.Risk.Domain.Var;

namespace Nautilus.Risk.Domain.Backtesting;

/// <summary>The Basel zone; written <c>green</c>, <c>yellow</c>, <c>red</c> in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrafficLight>))]
public enum TrafficLight
{
    [JsonStringEnumMemberName("green")]
    Green,

    [JsonStringEnumMemberName("yellow")]
    Yellow,

    [JsonStringEnumMemberName("red")]
    Red,
}

public sealed record KupiecTest(double Lr, double PValue);

public sealed record ChristoffersenTest(double LrInd, double PValueInd, double LrCc, double PValueCc);

/// <param name="TrafficLight">The Basel zone, given only for 250 observations at 99 %.</param>
/// <param name="Christoffersen">Null when the exceptions cannot show dependence (no exception, or every day one).</param>
public sealed record VarBacktestResult(
    int Observations,
    int Exceptions,
    double ExpectedExceptions,
    KupiecTest Kupiec,
    ChristoffersenTest? Christoffersen,
    TrafficLight? TrafficLight,
    IReadOnlyList<int> ExceptionIndices);

/// <summary>
/// Backtests of a VaR series against realised P&amp;L. An exception is a day whose loss (−P&amp;L) exceeds that day's
/// VaR (a positive loss). Kupiec's proportion of failures (1995): LR = −2 ln[(1−p)^(T−x) p^x] + 2 ln[(1−x/T)^(T−x) (x/T)^x]
/// with p = 1 − c, χ²(1). Christoffersen (1998): independence from the first-order Markov transition counts n_ij,
/// LR_ind χ²(1), and conditional coverage LR_cc = LR_pof + LR_ind, χ²(2). Throughout 0·ln 0 = 0. Basel (1996) traffic
/// light for 250 days at 99 %: green up to 4 exceptions, yellow 5 to 9, red 10 or more.
/// </summary>
public static class VarBacktest
{
    public static VarBacktestResult Run(ReadOnlySpan<double> pnl, ReadOnlySpan<double> var, double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new RiskInputException("confidence", $"must be strictly between 0 and 1 (e.g. 0.99), not {confidence}");
        }

        if (pnl.Length != var.Length)
        {
            throw new RiskInputException("var", $"{var.Length} VaR figures for {pnl.Length} P&L observations: one per day is needed");
        }

        if (pnl.Length < 2)
        {
            throw new RiskInputException("pnl", $"at least 2 observations are needed, not {pnl.Length}");
        }

        var hits = new bool[pnl.Length];
        var indices = new List<int>();
        for (var t = 0; t < pnl.Length; t++)
        {
            if (!double.IsFinite(pnl[t]))
            {
                throw new RiskInputException("pnl", $"value {t} is {pnl[t]}: every value must be a finite number");
            }

            if (!double.IsFinite(var[t]))
            {
                throw new RiskInputException("var", $"value {t} is {var[t]}: every value must be a finite number");
            }

            hits[t] = -pnl[t] > var[t];
            if (hits[t])
            {
                indices.Add(t);
            }
        }

        var observations = pnl.Length;
        var p = 1 - confidence;
        var kupiec = Kupiec(observations, indices.Count, p);
        var christoffersen = Christoffersen(hits, kupiec.Lr);
        TrafficLight? light = observations == 250 && Math.Abs(confidence - 0.99) < 1e-12
            ? indices.Count switch { <= 4 => TrafficLight.Green, <= 9 => TrafficLight.Yellow, _ => TrafficLight.Red }
            : null;
        return new VarBacktestResult(observations, indices.Count, observations * p, kupiec, christoffersen, light, indices);
    }

    /// <summary>Kupiec's proportion-of-failures test of x exceptions in T observations at exception probability p.</summary>
    public static KupiecTest Kupiec(int observations, int exceptions, double p)
    {
        double t = observations, x = exceptions;
        var lr = -2 * (XLogY(t - x, 1 - p) + XLogY(x, p)) + 2 * (XLogY(t - x, 1 - x / t) + XLogY(x, x / t));
        lr = Math.Max(lr, 0);
        return new KupiecTest(lr, NormalDistribution.ChiSquaredSurvival(lr, 1));
    }

    /// <summary>Christoffersen's independence and conditional-coverage tests on the exception indicator series.</summary>
    public static ChristoffersenTest? Christoffersen(bool[] hits, double lrPof)
    {
        double n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        for (var t = 1; t < hits.Length; t++)
        {
            switch (hits[t - 1], hits[t])
            {
                case (false, false): n00++; break;
                case (false, true): n01++; break;
                case (true, false): n10++; break;
                default: n11++; break;
            }
        }

        if (n01 + n11 == 0 || n00 + n10 == 0)
        {
            return null;
        }

        var pi01 = n00 + n01 > 0 ? n01 / (n00 + n01) : 0;
        var pi11 = n10 + n11 > 0 ? n11 / (n10 + n11) : 0;
        var pi = (n01 + n11) / (n00 + n01 + n10 + n11);
        var lrInd = -2 * (XLogY(n00 + n10, 1 - pi) + XLogY(n01 + n11, pi))
                    + 2 * (XLogY(n00, 1 - pi01) + XLogY(n01, pi01) + XLogY(n10, 1 - pi11) + XLogY(n11, pi11));
        lrInd = Math.Max(lrInd, 0);
        var lrCc = lrPof + lrInd;
        return new ChristoffersenTest(lrInd, NormalDistribution.ChiSquaredSurvival(lrInd, 1), lrCc,
            NormalDistribution.ChiSquaredSurvival(lrCc, 2));
    }

    private static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);
}
