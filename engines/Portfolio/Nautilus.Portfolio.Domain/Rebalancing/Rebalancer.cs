namespace Nautilus.Portfolio.Domain.Rebalancing;

/// <summary>A position the portfolio holds or may hold: its quantity, last price and the lot it trades in.</summary>
public sealed record RebalanceHolding(string Symbol, double Quantity, double Price, double LotSize = 1);

/// <summary>
/// <see cref="MaxTurnover"/>: the most of the NAV that may change hands, Σ|trade value| ÷ NAV (null: no limit);
/// <see cref="CostBps"/>: estimated commission, spread and impact per trade, in basis points of its value;
/// <see cref="MinCash"/>: the cash to keep, a fraction of the NAV.
/// </summary>
public sealed record RebalanceOptions(double? MaxTurnover = null, double CostBps = 5, double MinCash = 0);

/// <summary>One order of a proposal: a signed quantity in whole lots at the last price, and its estimated cost.</summary>
public sealed record ProposedTrade(string Symbol, double Quantity, double Price, double Value, double EstimatedCost,
    double CurrentWeight, double TargetWeight, double ResultingWeight);

/// <summary>The orders that move a portfolio towards its targets, with cash, turnover and costs after them.</summary>
public sealed record RebalanceProposal(IReadOnlyList<ProposedTrade> Trades, double NetAssetValue, double CashBefore, double CashAfter,
    double Turnover, double EstimatedCost, bool TurnoverLimited);

/// <summary>
/// From current holdings to target weights in whole lots. The wanted change of each holding is target × NAV − its value; when
/// these sum past the turnover limit every one is scaled back by the same factor (the move goes part of the way along the line to
/// the targets); quantities round to the nearest lot, a holding whose target is zero is sold out whatever its lots; then, while the
/// cash left after costs is below the minimum, the buy that overshoots its (scaled) wish the most gives up a lot. Costs are
/// <see cref="RebalanceOptions.CostBps"/> of each trade's value.
/// </summary>
public static class Rebalancer
{
    public static RebalanceProposal Propose(double cash, IReadOnlyList<RebalanceHolding> holdings,
        IReadOnlyDictionary<string, double> targetWeights, RebalanceOptions options)
    {
        Validate(cash, holdings, targetWeights, options);
        var bySymbol = holdings.ToDictionary(h => h.Symbol, StringComparer.Ordinal);
        var nav = cash + holdings.Sum(h => h.Quantity * h.Price);
        if (!(nav > 0))
        {
            throw new PortfolioInputException("holdings", $"the portfolio's net asset value is {nav:G6}: nothing to allocate");
        }

        var symbols = holdings.Select(h => h.Symbol).Union(targetWeights.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToArray();
        var wanted = symbols.Select(s => Target(targetWeights, s) * nav - bySymbol[s].Quantity * bySymbol[s].Price).ToArray();
        var turnover = wanted.Sum(Math.Abs) / nav;
        var scale = options.MaxTurnover is { } max && turnover > max ? max / turnover : 1;
        var quantities = new double[symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            var h = bySymbol[symbols[i]];
            quantities[i] = Target(targetWeights, h.Symbol) == 0 && scale == 1
                ? -h.Quantity
                : Math.Round(wanted[i] * scale / h.Price / h.LotSize, MidpointRounding.AwayFromZero) * h.LotSize;
        }

        double CashAfter() => cash - symbols.Select((s, i) => quantities[i] * bySymbol[s].Price
            + Math.Abs(quantities[i] * bySymbol[s].Price) * options.CostBps / 10_000).Sum();

        while (CashAfter() < options.MinCash * nav - 1e-9)
        {
            // The buy whose rounding overshot its wish most (or, all rounded under, the largest) gives back a lot.
            var best = -1;
            var worst = double.NegativeInfinity;
            for (var i = 0; i < symbols.Length; i++)
            {
                var h = bySymbol[symbols[i]];
                if (quantities[i] < h.LotSize - 1e-9)
                {
                    continue;
                }

                var overshoot = quantities[i] * h.Price - wanted[i] * scale;
                if (overshoot > worst)
                {
                    (best, worst) = (i, overshoot);
                }
            }

            if (best < 0)
            {
                throw new PortfolioInputException("minCash", "the sales do not raise the cash to keep");
            }

            quantities[best] -= bySymbol[symbols[best]].LotSize;
        }

        var trades = new List<ProposedTrade>();
        for (var i = 0; i < symbols.Length; i++)
        {
            if (quantities[i] == 0)
            {
                continue;
            }

            var h = bySymbol[symbols[i]];
            var value = quantities[i] * h.Price;
            trades.Add(new ProposedTrade(h.Symbol, quantities[i], h.Price, value, Math.Abs(value) * options.CostBps / 10_000,
                h.Quantity * h.Price / nav, Target(targetWeights, h.Symbol), (h.Quantity + quantities[i]) * h.Price / nav));
        }

        return new RebalanceProposal(trades, nav, cash, CashAfter(), trades.Sum(t => Math.Abs(t.Value)) / nav,
            trades.Sum(t => t.EstimatedCost), scale < 1);
    }

    private static double Target(IReadOnlyDictionary<string, double> targets, string symbol) =>
        targets.TryGetValue(symbol, out var w) ? w : 0;

    private static void Validate(double cash, IReadOnlyList<RebalanceHolding> holdings, IReadOnlyDictionary<string, double> targets,
        RebalanceOptions options)
    {
        if (!double.IsFinite(cash))
        {
            throw new PortfolioInputException("cash", "must be a number");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < holdings.Count; i++)
        {
            var h = holdings[i];
            if (string.IsNullOrWhiteSpace(h.Symbol) || !seen.Add(h.Symbol))
            {
                throw new PortfolioInputException($"holdings[{i}].symbol", "a symbol, once");
            }

            if (!(h.Price > 0) || !double.IsFinite(h.Price))
            {
                throw new PortfolioInputException($"holdings[{i}].price", $"{h.Symbol} has no usable price");
            }

            if (!(h.LotSize > 0) || !double.IsFinite(h.LotSize))
            {
                throw new PortfolioInputException($"holdings[{i}].lotSize", "must be positive");
            }

            if (!double.IsFinite(h.Quantity))
            {
                throw new PortfolioInputException($"holdings[{i}].quantity", "must be a number");
            }
        }

        foreach (var (symbol, weight) in targets)
        {
            if (!seen.Contains(symbol))
            {
                throw new PortfolioInputException($"targetWeights.{symbol}",
                    $"no price for {symbol}: add it to the holdings with quantity 0");
            }

            if (!double.IsFinite(weight) || weight < -1 || weight > 1)
            {
                throw new PortfolioInputException($"targetWeights.{symbol}", "a weight from -1 to 1");
            }
        }

        if (targets.Values.Sum() > 1 - options.MinCash + 1e-9)
        {
            throw new PortfolioInputException("targetWeights",
                $"sum to {targets.Values.Sum():G6}, more than the {1 - options.MinCash:G6} left after the cash to keep");
        }

        if (options.MaxTurnover is { } max && !(max > 0))
        {
            throw new PortfolioInputException("maxTurnover", "must be positive (omit it for no limit)");
        }

        if (!(options.CostBps >= 0) || !double.IsFinite(options.CostBps))
        {
            throw new PortfolioInputException("costBps", "must be zero or more");
        }

        if (!(options.MinCash >= 0) || options.MinCash >= 1)
        {
            throw new PortfolioInputException("minCash", "a fraction of the NAV from 0 to below 1");
        }
    }
}
