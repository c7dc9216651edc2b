namespace Nautilus.Strategy.Contracts;

/// <summary>The lifecycle of a deployed strategy.</summary>
public static class DeploymentStatus
{
    /// <summary>Deployed, not started: sees nothing.</summary>
    public const string Deployed = "deployed";

    /// <summary>Sees its market data and trades.</summary>
    public const string Running = "running";

    /// <summary>Sees its market data (indicators stay warm) but sends no orders.</summary>
    public const string Paused = "paused";

    /// <summary>Stopped: sees nothing until started again.</summary>
    public const string Stopped = "stopped";
}

/// <summary>
/// A strategy to deploy: a built-in (<c>sma-cross</c>, …) with its parameters, the symbols it trades (on the bars of
/// <see cref="Interval"/> seconds the MarketData engine publishes), the portfolio its orders are for, the capital it sizes
/// from, and how many stored bars warm it up when it starts (0: none).
/// </summary>
public sealed record StrategyDeployment(
    string Strategy,
    IReadOnlyList<string> Symbols,
    string PortfolioId,
    Dictionary<string, double>? Parameters = null,
    int Interval = 60,
    decimal Capital = 100_000m,
    int WarmUpBars = 200,
    string? Id = null);

/// <summary>A deployed strategy now: its settings, status, cash, positions, open orders and what it has done.</summary>
public sealed record StrategyView(
    string Id,
    string Strategy,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyList<string> Symbols,
    string PortfolioId,
    int Interval,
    decimal Capital,
    string Status,
    decimal Cash,
    double Equity,
    IReadOnlyDictionary<string, decimal> Positions,
    int OpenOrders,
    long OrdersSent,
    long Fills,
    long Signals,
    DateTimeOffset? LastEvent,
    IReadOnlyDictionary<string, double> State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>New parameters of a paused or stopped strategy (checked like a deployment's).</summary>
public sealed record ParameterChange(Dictionary<string, double> Parameters);
