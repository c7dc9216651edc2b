namespace Nautilus.Backtesting.Domain.Optimisation;

/// <summary>What a sweep ranks by, best first: Sharpe, total return, final equity (higher is better) or max drawdown (shallower).</summary>
public static class Ranking
{
    public static readonly string[] Names = ["sharpe", "totalReturn", "finalEquity", "maxDrawdown"];

    public static double Score(BacktestSummary summary, string rankBy) => rankBy switch
    {
        "sharpe" => summary.Sharpe ?? double.NegativeInfinity,
        "totalReturn" => summary.TotalReturn,
        "finalEquity" => summary.FinalEquity,
        "maxDrawdown" => summary.MaxDrawdown,
        _ => throw new BacktestInputException("rankBy", $"'{rankBy}' is not one of {string.Join(", ", Names)}"),
    };

    public static void Check(string rankBy) => Score(new BacktestSummary(1, 0, 0, 0, 0, 0, null), rankBy);
}
