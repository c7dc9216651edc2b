using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nautilus.Collateral.Domain.Forecast;
using Nautilus.Collateral.Domain.Margin;
using Nautilus.Collateral.Engine.Extensions;
using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.Collateral.Engine.State;

/// <summary>
/// What the buses say of each account: its positions (POSITION_CHANGE), its equity (the NAV of the portfolio of the same id,
/// PORTFOLIO_UPDATE, as the Risk engine maps them) and, per instrument, the last price and its volatility (PRICE_UPDATE). Positions
/// are keyed by symbol, as the Execution engine reports them: at start-up its open positions seed the accounts (a POSITION_CHANGE
/// that arrived first wins). The monitor margins and forecasts from a snapshot; the latest result of each account is kept here.
/// </summary>
public sealed class LiveAccounts(IOptions<CollateralOptions> options)
{
    private readonly double _fallback = MinuteVolatility.PerSqrtMinute(options.Value.FallbackAnnualVolatility);
    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);

    public void OnPosition(PositionChange change)
    {
        var account = AccountOf(change.AccountId.Value);
        lock (account)
        {
            account.Seeded = true;
            if (change.Side == PositionSide.Flat)
            {
                account.Positions.Remove(change.InstrumentId.Symbol);
            }
            else
            {
                var quantity = change.Quantity.AsDouble() * (change.Side == PositionSide.Short ? -1 : 1);
                account.Positions[change.InstrumentId.Symbol] = (quantity, change.AveragePrice.AsDouble());
            }
        }
    }

    public void OnPrice(PriceUpdate price)
    {
        var instrument = _instruments.GetOrAdd(price.InstrumentId.Symbol, _ => new Instrument(new MinuteVolatility(_fallback)));
        lock (instrument)
        {
            instrument.Last = price.Last.AsDouble();
            instrument.Volatility.Add(price.TsEvent.Value, instrument.Last);
        }
    }

    public void OnPortfolio(PortfolioUpdate update)
    {
        var account = AccountOf(update.PortfolioId.Value);
        lock (account)
        {
            (account.Equity, account.Currency) = ((double)update.NetAssetValue.Amount, update.NetAssetValue.Currency);
        }
    }

    /// <summary>Accounts with equity and positions: their positions at the last price (or the average price before any) and σ.</summary>
    public IReadOnlyList<AccountSnapshot> Snapshots()
    {
        var snapshots = new List<AccountSnapshot>();
        foreach (var (id, account) in _accounts)
        {
            double? equity;
            Currency currency;
            KeyValuePair<string, (double Quantity, double AveragePrice)>[] held;
            lock (account)
            {
                (equity, currency, held) = (account.Equity, account.Currency, [.. account.Positions]);
            }

            if (equity is null || held.Length == 0)
            {
                continue;
            }

            var positions = new MarginPosition[held.Length];
            var volatilities = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < held.Length; i++)
            {
                var (symbol, (quantity, average)) = (held[i].Key, held[i].Value);
                var (price, sigma) = (average, _fallback);
                if (_instruments.TryGetValue(symbol, out var instrument))
                {
                    lock (instrument)
                    {
                        (price, sigma) = (instrument.Last > 0 ? instrument.Last : average, instrument.Volatility.Value);
                    }
                }

                positions[i] = MarginPosition.Stock(symbol, quantity, price);
                volatilities[positions[i].Underlying] = sigma;
            }

            snapshots.Add(new AccountSnapshot(id, equity.Value, currency, positions, volatilities));
        }

        return snapshots;
    }

    /// <summary>
    /// Open positions the Execution engine holds, for accounts no POSITION_CHANGE has reached yet (so a restart does not forget
    /// positions that have not traded since).
    /// </summary>
    public int Seed(IEnumerable<(string Account, string Symbol, double Quantity, double AveragePrice)> positions)
    {
        var seeded = 0;
        foreach (var group in positions.GroupBy(p => p.Account, StringComparer.Ordinal))
        {
            var account = AccountOf(group.Key);
            lock (account)
            {
                if (account.Seeded)
                {
                    continue;
                }

                foreach (var p in group)
                {
                    account.Positions[p.Symbol] = (p.Quantity, p.AveragePrice);
                    seeded++;
                }

                account.Seeded = true;
            }
        }

        return seeded;
    }

    public void Record(AccountMargin margin) => AccountOf(margin.Account).Latest = margin;

    public IReadOnlyList<AccountMargin> Latest() =>
        [.. _accounts.Values.Select(a => a.Latest).OfType<AccountMargin>().OrderBy(m => m.Account, StringComparer.Ordinal)];

    public AccountMargin? LatestOf(string account) => _accounts.TryGetValue(account, out var a) ? a.Latest : null;

    private Account AccountOf(string id) => _accounts.GetOrAdd(id, _ => new Account());

    private sealed class Account
    {
        public Dictionary<string, (double Quantity, double AveragePrice)> Positions { get; } = new(StringComparer.Ordinal);

        /// <summary>Its positions are known (a POSITION_CHANGE or the start-up seed): the seed no longer applies.</summary>
        public bool Seeded { get; set; }

        public double? Equity { get; set; }

        public Currency Currency { get; set; } = Currency.USD;

        public volatile AccountMargin? Latest;
    }

    private sealed class Instrument(MinuteVolatility volatility)
    {
        public MinuteVolatility Volatility { get; } = volatility;

        public double Last { get; set; }
    }
}

/// <summary>An account's positions as margined: equity, positions, each underlying's volatility per √minute.</summary>
public sealed record AccountSnapshot(string Account, double Equity, Currency Currency, IReadOnlyList<MarginPosition> Positions,
    IReadOnlyDictionary<string, double> Volatilities);

/// <summary>An account's latest live margin: requirement, utilisation and the forecast, when computed.</summary>
public sealed record AccountMargin(string Account, string Model, double Equity, MarginRequirement Requirement, double Utilisation,
    Domain.Forecast.MarginForecast Forecast, DateTimeOffset At);
