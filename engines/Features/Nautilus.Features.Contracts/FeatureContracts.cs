namespace Nautilus.Features.Contracts;

/// <summary>A bar sent for a stateless computation: prices and volume as written (their decimal places are kept exactly).</summary>
public sealed record BarInput(DateTimeOffset? Ts, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

/// <summary>Features to compute (specs such as <c>sma(50)</c>; the defaults when absent) over the bars sent, oldest first.</summary>
public sealed record ComputeRequest(IReadOnlyList<BarInput>? Bars, IReadOnlyList<string>? Features);

/// <summary>
/// Values per bar, in the order of the bars: keyed by the feature's spec with its defaults filled in (<c>rsi(14)</c>), or by
/// spec and output for features with several (<c>bb(20,2).upper</c>); a feature still warming up is absent from a row.
/// </summary>
public sealed record FeatureSeries(IReadOnlyList<string> Features, int WarmUpPeriod, IReadOnlyList<FeatureRow> Rows);

public sealed record FeatureRow(DateTimeOffset? Ts, IReadOnlyDictionary<string, double> Values);
