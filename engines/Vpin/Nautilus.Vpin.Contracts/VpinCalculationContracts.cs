namespace Nautilus.Vpin.Contracts;

/// <summary>A trade to classify: its price and size, and the quote in force (bid and ask; optional for the tick rule).</summary>
public sealed record ClassifyTrade(double? Price, double? Size, double? Bid, double? Ask);

/// <summary>
/// <c>POST /api/vpin/classify</c>: trades in time order classified by <see cref="Method"/>: <c>tick</c>, <c>quote</c>,
/// <c>lee-ready</c> or <c>emo</c>.
/// </summary>
public sealed record ClassifyRequest(string? Method, IReadOnlyList<ClassifyTrade>? Trades);

/// <summary>One side per trade: <c>buy</c>, <c>sell</c> or <c>unknown</c>.</summary>
public sealed record ClassifyResponse(IReadOnlyList<string> Sides);

/// <summary>A trade of a series: time, price, size, and its side (<c>buy</c>/<c>sell</c>) for the <c>given</c> classification.</summary>
public sealed record ComputeTrade(DateTimeOffset? Ts, double? Price, double? Size, string? Side);

/// <summary>
/// <c>POST /api/vpin/compute</c>: VPIN over <see cref="Trades"/> (oldest first) in buckets of <see cref="BucketVolume"/>, over
/// the last <see cref="Buckets"/> of them; volume split by <see cref="Classification"/>: <c>bvc</c> (bulk volume over bars of
/// <see cref="BarSeconds"/>; 0 makes every trade a bar), <c>tick</c> or <c>given</c>.
/// </summary>
public sealed record ComputeRequest(IReadOnlyList<ComputeTrade>? Trades, double? BucketVolume, int Buckets = 50,
    string Classification = "bvc", double BarSeconds = 60);

/// <summary>One VPIN per full bucket once <c>buckets</c> are full; each full bucket's buy and sell volume.</summary>
public sealed record ComputeResponse(IReadOnlyList<double> Vpin, int BucketCount, IReadOnlyList<double> BuyVolume,
    IReadOnlyList<double> SellVolume);

/// <summary>A level of a book: price and size.</summary>
public sealed record BookLevelInput(double? Price, double? Size);

/// <summary><c>POST /api/vpin/book-imbalance</c>: bids and asks best first, over the top <see cref="Levels"/> (10 by default).</summary>
public sealed record BookImbalanceRequest(IReadOnlyList<BookLevelInput>? Bids, IReadOnlyList<BookLevelInput>? Asks, int Levels = 10);

/// <summary>(bid depth − ask depth) ÷ (bid depth + ask depth) over the levels read, and the depths.</summary>
public sealed record BookImbalanceResponse(double Imbalance, double BidDepth, double AskDepth, int Levels);

/// <summary><c>POST /api/vpin/kyle-lambda</c>: per interval, the price change and the signed volume (buy − sell).</summary>
public sealed record KyleLambdaRequest(IReadOnlyList<double>? PriceChanges, IReadOnlyList<double>? SignedVolumes);

/// <summary>The slope λ of price changes on signed volume, its intercept and R².</summary>
public sealed record KyleLambdaResponse(double Lambda, double Intercept, double RSquared, int Intervals);

/// <summary>A trade for <c>POST /api/vpin/spreads</c>: price, side (<c>buy</c>/<c>sell</c>), the midpoint at it and Δ later.</summary>
public sealed record SpreadTrade(double? Price, string? Side, double? Midpoint, double? MidpointLater);

public sealed record SpreadsRequest(IReadOnlyList<SpreadTrade>? Trades);

/// <summary>A trade's effective and realised spreads and price impact (price units), and the first two relative to the midpoint.</summary>
public sealed record SpreadsView(double Effective, double Realised, double PriceImpact, double EffectiveRelative,
    double RealisedRelative);

/// <summary>Each trade's spreads, and their means.</summary>
public sealed record SpreadsResponse(IReadOnlyList<SpreadsView> Trades, SpreadsView Mean);

/// <summary>A rule's share of trades named as the tape reports them, and the share it left unknown (NaN before any trade).</summary>
public sealed record RuleAccuracy(string Method, double Accuracy, double Unknown);

/// <summary>
/// <c>GET /api/vpin/accuracy</c>: per instrument, the trades judged (those with a reported aggressor) and each rule's accuracy.
/// </summary>
public sealed record InstrumentAccuracy(string Symbol, long Trades, IReadOnlyList<RuleAccuracy> Rules);
