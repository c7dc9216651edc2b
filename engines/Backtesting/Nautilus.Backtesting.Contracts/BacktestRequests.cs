namespace Nautilus.Backtesting.Contracts;

/// <summary>One bar given inline: opened at <see cref="Ts"/>; prices and volume as numbers.</summary>
public sealed record BarInput(DateTimeOffset Ts, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume = 0);

/// <summary>Bars of one instrument given inline, for multi-asset backtests.</summary>
public sealed record SeriesInput(string Symbol, IReadOnlyList<BarInput> Bars);

/// <summary>
/// Stored bars the MarketData engine serves: one <see cref="Symbol"/> (or several in <see cref="Symbols"/>), bars of
/// <see cref="Interval"/> seconds (60, 3600, 86400, …) opened in [<see cref="From"/>, <see cref="To"/>).
/// </summary>
public sealed record DataReference(string? Symbol, int Interval, DateTimeOffset From, DateTimeOffset To,
    IReadOnlyList<string>? Symbols = null);

/// <summary>Commission: <c>none</c>; <c>perUnit</c> (<see cref="Rate"/> a unit, <see cref="Minimum"/> a fill); <c>bps</c>
/// (<see cref="Rate"/> basis points of the traded value for takers, <see cref="MakerRate"/> for makers, default the same).</summary>
public sealed record FeeSettings(string Model, decimal Rate = 0, decimal Minimum = 0, decimal? MakerRate = null);

/// <summary>Slippage of market fills: <c>none</c>; <c>ticks</c> (<see cref="Value"/> ticks); <c>bps</c> (<see cref="Value"/> basis
/// points).</summary>
public sealed record SlippageSettings(string Model, decimal Value = 0);

/// <summary>
/// A backtest: a built-in strategy and its parameters, the data (inline <see cref="Bars"/> or <see cref="Series"/>, or
/// stored <see cref="Data"/>), starting cash, fees and slippage (zero unless given). Inline bars are of
/// <see cref="Symbol"/> (default <c>BT</c>) with <see cref="TickSize"/> and <see cref="LotSize"/> (default 0.01 and 1);
/// <see cref="PeriodsPerYear"/> annualises the statistics (default from the bar interval: 252 for days).
/// <see cref="MaxVolumeShare"/> caps a fill at that share of its bar's volume (default: no cap).
/// </summary>
public sealed record BacktestRequest(
    string Strategy,
    Dictionary<string, double>? Parameters = null,
    IReadOnlyList<BarInput>? Bars = null,
    DataReference? Data = null,
    decimal InitialCash = 100_000m,
    FeeSettings? Fees = null,
    SlippageSettings? Slippage = null,
    IReadOnlyList<SeriesInput>? Series = null,
    string? Symbol = null,
    decimal? TickSize = null,
    decimal? LotSize = null,
    int? PeriodsPerYear = null,
    double? MaxVolumeShare = null,
    string? Name = null);

/// <summary>
/// A parameter sweep of one strategy over one data set: every combination of <see cref="Grid"/> (values per parameter), or
/// <see cref="Samples"/> random draws from <see cref="Ranges"/> (seeded, so repeatable). Each combination is a backtest of
/// <see cref="Base"/> with those parameters; combinations that break the strategy's rules (fast ≥ slow) are skipped and
/// counted. Ranked by <see cref="RankBy"/>: <c>sharpe</c> (default), <c>totalReturn</c>, <c>finalEquity</c> or
/// <c>maxDrawdown</c>.
/// </summary>
public sealed record SweepRequest(
    BacktestRequest Base,
    Dictionary<string, double[]>? Grid = null,
    Dictionary<string, ParameterRange>? Ranges = null,
    int? Samples = null,
    int Seed = 1,
    string RankBy = "sharpe");

/// <summary>A range to draw from: <see cref="Min"/> to <see cref="Max"/>, whole numbers when <see cref="Integer"/>.</summary>
public sealed record ParameterRange(double Min, double Max, bool Integer = true);

/// <summary>
/// Walk-forward optimisation: the data split into <see cref="Folds"/> consecutive test windows, each preceded by a training
/// window <see cref="TrainRatio"/> times as long; in each fold the grid is swept on the training bars and the best
/// combination (by <see cref="RankBy"/>) is run on the test bars. The test windows' equity, stitched, is the honest
/// out-of-sample result.
/// </summary>
public sealed record WalkForwardRequest(
    BacktestRequest Base,
    Dictionary<string, double[]> Grid,
    int Folds = 4,
    double TrainRatio = 3,
    string RankBy = "sharpe");
