using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Replay;

/// <summary>A tick read from a file and the line it came from.</summary>
public readonly record struct FileTick(Tick Tick, int Line);

/// <summary>What a tick file gave: its good ticks in file order, the rows that could not be read, and how many rows there were.</summary>
public sealed record TickImport(IReadOnlyList<FileTick> Ticks, IReadOnlyList<RowError> Errors, int Rows, string Layout)
{
    public int Trades => Ticks.Count(t => t.Tick.Kind == TickKind.Trade);

    public int Quotes => Ticks.Count - Trades;
}

/// <summary>
/// Reads trades and top-of-book quotes from CSV or Parquet. Columns are found by name, any order, any case:
/// time (<c>ts_event</c>, <c>timestamp</c>, <c>ts</c>, <c>time</c>, <c>datetime</c>: ISO 8601 or an epoch count in s/ms/µs/ns),
/// <c>symbol</c>, optional <c>type</c> (trade/quote), <c>price</c> and <c>size</c> for trades, <c>bid</c>, <c>bid_size</c>,
/// <c>ask</c>, <c>ask_size</c> for quotes, optional <c>side</c> (the aggressor: buy/b/bid or sell/s/ask/a; Databento's A/B/N
/// read the same way) or Binance's <c>is_buyer_maker</c>, <c>seq</c> and <c>trade_id</c>. Without a type column a row with a
/// price is a trade and a row with bid and ask a quote. A row that cannot be read is reported with its line and column;
/// whether a readable tick is acceptable (known symbol, positive, uncrossed, in order, not a duplicate) is the
/// <see cref="TickValidator"/>'s call, which <see cref="Validate"/> applies in file order exactly as replay will.
/// </summary>
public static class TickFileReader
{
    public static TickImport Read(TextReader reader, string? symbol = null) => Read(new CsvRowSource(reader), symbol);

    /// <param name="symbol">The instrument of a file without a symbol column.</param>
    public static TickImport Read(RowSource rows, string? symbol = null)
    {
        if (rows.Names.Count == 0)
        {
            return new TickImport([], [new RowError(1, "file", "the file is empty")], 0, "none");
        }

        var time = rows.Find("ts_event", "timestamp", "ts", "time", "datetime", "date", "ts_recv");
        var symbolColumn = rows.Find("symbol", "ticker", "instrument", "product_id");
        var type = rows.Find("type", "kind", "event");
        var price = rows.Find("price", "px", "trade_price");
        var size = rows.Find("size", "qty", "quantity", "amount", "volume", "trade_size");
        var side = rows.Find("side", "aggressor", "aggressor_side", "taker_side");
        var buyerMaker = rows.Find("is_buyer_maker");
        var bid = rows.Find("bid", "bid_price", "bid_px", "bid_px_00");
        var bidSize = rows.Find("bid_size", "bid_sz", "bid_qty", "bid_sz_00");
        var ask = rows.Find("ask", "ask_price", "ask_px", "ask_px_00");
        var askSize = rows.Find("ask_size", "ask_sz", "ask_qty", "ask_sz_00");
        var seq = rows.Find("seq", "sequence");
        var tradeId = rows.Find("trade_id", "tradeid", "id");

        var header = new List<RowError>();
        if (time < 0)
        {
            header.Add(new RowError(1, "time", "no time column (ts_event, timestamp, ts, time or datetime)"));
        }

        if (symbolColumn < 0 && string.IsNullOrWhiteSpace(symbol))
        {
            header.Add(new RowError(1, "symbol", "the file has no symbol column: say which instrument it is"));
        }

        var trades = price >= 0 && size >= 0;
        var quotes = bid >= 0 && bidSize >= 0 && ask >= 0 && askSize >= 0;
        if (!trades && !quotes)
        {
            header.Add(new RowError(1, "header", "neither trades (price, size) nor quotes (bid, bid_size, ask, ask_size)"));
        }

        var layout = trades && quotes ? "trades+quotes" : trades ? "trades" : "quotes";
        layout = rows.Format == "csv" ? layout : $"{rows.Format} {layout}";
        if (header.Count > 0)
        {
            return new TickImport([], header, 0, layout);
        }

        var ticks = new List<FileTick>();
        var errors = new List<RowError>();
        var count = 0;
        while (rows.Next())
        {
            count++;
            var line = rows.Line;
            if (!rows.TryTime(time, out var ts))
            {
                errors.Add(new RowError(line, rows.Field(time), $"'{rows.Text(time)}' is not a time (ISO 8601 or an epoch count)"));
                continue;
            }

            var rowSymbol = symbolColumn >= 0 ? rows.Text(symbolColumn) : symbol!.Trim();
            if (rowSymbol.Length == 0)
            {
                errors.Add(new RowError(line, rows.Field(symbolColumn), "empty symbol"));
                continue;
            }

            TickKind kind;
            if (type >= 0 && !rows.IsEmpty(type))
            {
                switch (rows.Text(type).ToLowerInvariant())
                {
                    case "trade" or "t" or "trades" or "match" or "print": kind = TickKind.Trade; break;
                    case "quote" or "q" or "quotes" or "bbo" or "tbbo" or "mbp-1": kind = TickKind.Quote; break;
                    default:
                        errors.Add(new RowError(line, rows.Field(type), $"'{rows.Text(type)}' is neither trade nor quote"));
                        continue;
                }
            }
            else
            {
                kind = trades && !rows.IsEmpty(price) ? TickKind.Trade : TickKind.Quote;
            }

            if ((kind == TickKind.Trade && !trades) || (kind == TickKind.Quote && !quotes))
            {
                errors.Add(new RowError(line, kind == TickKind.Trade ? "price" : "bid", $"a {kind.ToString().ToLowerInvariant()} row in a file without its columns"));
                continue;
            }

            var sequence = 0L;
            if (seq >= 0 && !rows.IsEmpty(seq))
            {
                if (!rows.TryNumber(seq, out var s) || s < 0 || s != Math.Floor(s))
                {
                    errors.Add(new RowError(line, rows.Field(seq), $"'{rows.Text(seq)}' is not a sequence number (an integer ≥ 0)"));
                    continue;
                }

                sequence = (long)s;
            }

            if (kind == TickKind.Trade)
            {
                if (Number(price) is not { } p || Number(size) is not { } q)
                {
                    continue;
                }

                if (Aggressor() is not { } aggressor)
                {
                    continue;
                }

                var id = tradeId >= 0 && !rows.IsEmpty(tradeId) ? rows.Text(tradeId) : null;
                ticks.Add(new FileTick(Tick.Trade(rowSymbol, ts, sequence, p, q, aggressor, id), line));
            }
            else
            {
                if (Number(bid) is not { } b || Number(bidSize) is not { } bs || Number(ask) is not { } a || Number(askSize) is not { } @as)
                {
                    continue;
                }

                ticks.Add(new FileTick(Tick.Quote(rowSymbol, ts, sequence, b, bs, a, @as), line));
            }

            double? Number(int column)
            {
                if (rows.TryNumber(column, out var value))
                {
                    return value;
                }

                errors.Add(new RowError(line, rows.Field(column), rows.IsEmpty(column) ? "empty" : $"'{rows.Text(column)}' is not a number"));
                return null;
            }

            AggressorSide? Aggressor()
            {
                if (buyerMaker >= 0 && !rows.IsEmpty(buyerMaker))
                {
                    // Binance: the buyer was the resting order, so the seller hit it.
                    switch (rows.Text(buyerMaker).ToLowerInvariant())
                    {
                        case "true" or "1": return AggressorSide.Seller;
                        case "false" or "0": return AggressorSide.Buyer;
                    }

                    errors.Add(new RowError(line, rows.Field(buyerMaker), $"'{rows.Text(buyerMaker)}' is not true or false"));
                    return null;
                }

                if (side < 0 || rows.IsEmpty(side))
                {
                    return AggressorSide.None;
                }

                switch (rows.Text(side).ToLowerInvariant())
                {
                    case "buy" or "b" or "bid" or "buyer" or "1": return AggressorSide.Buyer;
                    case "sell" or "s" or "ask" or "a" or "seller" or "-1": return AggressorSide.Seller;
                    case "n" or "none" or "unknown" or "0": return AggressorSide.None;
                }

                errors.Add(new RowError(line, rows.Field(side), $"'{rows.Text(side)}' is not an aggressor side (buy, sell or none)"));
                return null;
            }
        }

        return new TickImport(ticks, errors, count, layout);
    }

    /// <summary>
    /// What the pipeline's validator will refuse when the file is replayed (same order, same rules): one error per
    /// refused tick, naming its line and the reason.
    /// </summary>
    public static IReadOnlyList<RowError> Validate(IReadOnlyList<FileTick> ticks, Func<string, bool> isKnown)
    {
        var validator = new TickValidator(isKnown);
        var refused = new List<RowError>();
        foreach (var (tick, line) in ticks)
        {
            if (validator.Validate(tick) is { } reason)
            {
                refused.Add(new RowError(line, reason switch
                {
                    RejectReason.UnknownSymbol => "symbol",
                    RejectReason.OutOfOrder => "time",
                    RejectReason.Duplicate => tick.Seq > 0 ? "seq" : "row",
                    _ => tick.Kind == TickKind.Trade ? (reason == RejectReason.NonPositiveSize ? "size" : "price") : "bid",
                }, Describe(reason, tick)));
            }
        }

        return refused;
    }

    private static string Describe(RejectReason reason, in Tick tick) => reason switch
    {
        RejectReason.UnknownSymbol => $"unknown instrument '{tick.Symbol}'",
        RejectReason.NotFinite => "not a finite number",
        RejectReason.NonPositivePrice => "price ≤ 0",
        RejectReason.NonPositiveSize => "size ≤ 0",
        RejectReason.CrossedBook => $"crossed or locked quote: bid {tick.BidPrice} ≥ ask {tick.AskPrice}",
        RejectReason.OutOfOrder => $"earlier than the previous {tick.Kind.ToString().ToLowerInvariant()} of {tick.Symbol}",
        RejectReason.Duplicate => "a duplicate of an earlier tick",
        _ => reason.ToString(),
    };
}
