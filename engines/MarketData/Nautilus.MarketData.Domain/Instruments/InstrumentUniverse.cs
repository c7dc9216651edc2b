namespace Nautilus.MarketData.Domain.Instruments;

/// <summary>
/// The instruments Nautilus starts with: a live universe of five, and a wider one of 56 US equities in 11 GICS
/// sectors for factor and portfolio work. Tickers and sectors are real; prices the simulator gives them are not.
/// Shares outstanding are left unknown rather than guessed.
/// </summary>
public static class InstrumentUniverse
{
    public static readonly IReadOnlyList<string> LiveSymbols = ["AAPL", "MSFT", "JPM", "XOM", "BTC-USD"];

    private static readonly (string Sector, string[] Symbols)[] Equities =
    [
        ("Information Technology", ["AAPL", "MSFT", "NVDA", "ORCL", "CSCO", "ADBE"]),
        ("Communication Services", ["GOOG", "META", "NFLX", "T", "VZ"]),
        ("Consumer Discretionary", ["AMZN", "TSLA", "HD", "SBUX", "NKE", "BBY"]),
        ("Consumer Staples", ["WMT", "PG", "KO", "PEP", "COST"]),
        ("Financials", ["JPM", "BAC", "GS", "MS", "MA", "V"]),
        ("Health Care", ["PFE", "JNJ", "UNH", "MRK", "ABBV"]),
        ("Energy", ["XOM", "CVX", "COP", "RRC", "SLB"]),
        ("Industrials", ["GE", "CAT", "BA", "UPS", "HON"]),
        ("Materials", ["LIN", "DOW", "NEM", "FCX"]),
        ("Utilities", ["NEE", "DUK", "SO", "D"]),
        ("Real Estate", ["PLD", "AMT", "SPG", "O", "EQIX"]),
    ];

    /// <summary>All default instruments: the equities above (NASDAQ/NYSE by listing), plus BTC-USD on Coinbase.</summary>
    public static IReadOnlyList<Instrument> Default { get; } = Build();

    private static Instrument[] Build()
    {
        string[] nasdaq = ["AAPL", "MSFT", "NVDA", "CSCO", "ADBE", "GOOG", "META", "NFLX", "AMZN", "TSLA", "SBUX", "COST", "PEP", "EQIX"];
        var instruments = Equities
            .SelectMany(s => s.Symbols.Select(symbol => new Instrument(symbol, AssetClass.Equity,
                nasdaq.Contains(symbol) ? "NASDAQ" : "NYSE", "USD", 0.01m, 1m, s.Sector)))
            .ToList();
        instruments.Add(new Instrument("BTC-USD", AssetClass.Crypto, "COINBASE", "USD", 0.01m, 0.00000001m, "Digital Assets"));
        return [.. instruments];
    }
}
