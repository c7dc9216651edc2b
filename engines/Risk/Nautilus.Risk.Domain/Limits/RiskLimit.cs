using System.Text.Json.Serialization;

namespace Nautilus.Risk.Domain.Limits;

[JsonConverter(typeof(JsonStringEnumConverter<LimitScope>))]
public enum LimitScope : byte { Global = 1, Portfolio = 2, Strategy = 3, Instrument = 4 }

/// <summary>What a limit bounds. Quantities in units, money in the portfolio's currency, fractions as 0.25 for 25 %.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LimitKind>))]
public enum LimitKind : byte
{
    /// <summary>|position| in one instrument after the order, in units.</summary>
    MaxPosition = 1,

    /// <summary>Quantity × price of one order.</summary>
    MaxNotional = 2,

    /// <summary>Σ |position × price| after the order.</summary>
    MaxGrossExposure = 3,

    /// <summary>|Σ position × price| after the order.</summary>
    MaxNetExposure = 4,

    /// <summary>One instrument's |exposure| over the gross exposure after the order (a fraction).</summary>
    MaxConcentration = 5,

    /// <summary>Gross exposure over equity after the order.</summary>
    MaxLeverage = 6,

    /// <summary>Today's loss (a positive amount) beyond which only position-reducing orders pass.</summary>
    MaxDailyLoss = 7,

    /// <summary>Drawdown from the equity peak (a fraction) beyond which only position-reducing orders pass.</summary>
    MaxDrawdown = 8,

    /// <summary>Orders per second.</summary>
    MaxOrderRate = 9,

    /// <summary>
    /// The portfolio's one-day historical VaR (money, at the engine's confidence) as last computed on the schedule. A
    /// breach is a RISK_ALERT for the risk manager; it does not refuse orders by itself. Global or per portfolio only.
    /// </summary>
    MaxVar = 10,
}

/// <summary>
/// A limit: its scope and key (a portfolio id, strategy id or instrument symbol; empty for global), what it bounds, and
/// the bound. The tightest limit that applies to an order wins.
/// </summary>
public sealed record RiskLimit(LimitScope Scope, string Key, LimitKind Kind, double Value)
{
    /// <summary>The problems of this limit as (field, problem), empty when usable.</summary>
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        if (!Enum.IsDefined(Scope))
        {
            yield return ("scope", $"one of {string.Join(", ", Enum.GetNames<LimitScope>())}");
        }

        if (!Enum.IsDefined(Kind))
        {
            yield return ("kind", $"one of {string.Join(", ", Enum.GetNames<LimitKind>())}");
        }

        if (Scope != LimitScope.Global && string.IsNullOrWhiteSpace(Key))
        {
            yield return ("key", $"a {Scope} limit names its {Scope.ToString().ToLowerInvariant()}");
        }

        if (Kind == LimitKind.MaxVar && Scope is LimitScope.Strategy or LimitScope.Instrument)
        {
            yield return ("scope", "VaR is computed per portfolio: a MaxVar limit is Global or for a Portfolio");
        }

        if (!double.IsFinite(Value) || Value <= 0)
        {
            yield return ("value", $"must be a positive number, not {Value}");
        }
        else if (Kind == LimitKind.MaxConcentration && Value > 1)
        {
            yield return ("value", $"a concentration is a fraction of gross exposure (at most 1), not {Value}");
        }
        else if (Kind == LimitKind.MaxDrawdown && Value >= 1)
        {
            yield return ("value", $"a drawdown is a fraction of the peak below 1, not {Value}");
        }
    }
}
