-- Market data owned by the MarketData engine. Prices and sizes are float8: exact for the decimals venues print
-- (15 significant digits) and several times cheaper to COPY and scan than numeric. Timestamps keep microseconds;
-- seq (the feed's per-instrument sequence number) orders events within one microsecond and pages by keyset.

-- Trades and quotes are stored in blocks of up to 1,000 consecutive ticks of one symbol, as column arrays: the
-- layout of TimescaleDB's compressed chunks, and what lets this store take several hundred thousand ticks a second
-- on two cores (a row and a b-tree entry per tick manage ~140k here). Blocks of a symbol do not overlap in time.
-- marketdata.trades / marketdata.quotes show them as rows; trades_between / quotes_between read a range fast.

SELECT storage.create_time_series('marketdata', 'trade_blocks', $cols$
    symbol    text               NOT NULL,
    ts_first  timestamptz        NOT NULL,
    ts_last   timestamptz        NOT NULL,
    seq_first bigint             NOT NULL,
    seq_last  bigint             NOT NULL,
    n         integer            NOT NULL,
    ts        timestamptz[]      NOT NULL,
    seq       bigint[]           NOT NULL,
    price     double precision[] NOT NULL,
    size      double precision[] NOT NULL,
    aggressor smallint[]         NOT NULL,
    trade_id  text[]             NOT NULL
$cols$, 'ts_first', interval '1 day', 'symbol');
CREATE INDEX trade_blocks_symbol_ts ON marketdata.trade_blocks (symbol, ts_last, seq_last);

-- Ticks are already packed; compressing them again costs more CPU on ingest than it saves.
ALTER TABLE marketdata.trade_blocks
    ALTER COLUMN ts SET STORAGE EXTERNAL, ALTER COLUMN seq SET STORAGE EXTERNAL,
    ALTER COLUMN price SET STORAGE EXTERNAL, ALTER COLUMN size SET STORAGE EXTERNAL,
    ALTER COLUMN aggressor SET STORAGE EXTERNAL, ALTER COLUMN trade_id SET STORAGE EXTERNAL;

CREATE VIEW marketdata.trades AS
SELECT b.symbol, u.ts, u.seq, u.price, u.size, u.aggressor, u.trade_id
FROM marketdata.trade_blocks b,
     unnest(b.ts, b.seq, b.price, b.size, b.aggressor, b.trade_id) AS u(ts, seq, price, size, aggressor, trade_id);

-- The trades of a symbol in [p_from, p_to] in (ts, seq) order, after the keyset (p_after_ts, p_after_seq).
CREATE FUNCTION marketdata.trades_between(p_symbol text, p_from timestamptz, p_to timestamptz,
                                          p_after_ts timestamptz DEFAULT '-infinity', p_after_seq bigint DEFAULT 0)
RETURNS TABLE (symbol text, ts timestamptz, seq bigint, price double precision, size double precision,
               aggressor smallint, trade_id text)
LANGUAGE sql STABLE AS $$
    SELECT b.symbol, u.ts, u.seq, u.price, u.size, u.aggressor, u.trade_id
    FROM marketdata.trade_blocks b,
         unnest(b.ts, b.seq, b.price, b.size, b.aggressor, b.trade_id) WITH ORDINALITY
             AS u(ts, seq, price, size, aggressor, trade_id, pos)
    WHERE b.symbol = p_symbol AND b.ts_first <= p_to AND b.ts_last >= greatest(p_from, p_after_ts)
      AND u.ts >= p_from AND u.ts <= p_to AND (u.ts, u.seq) > (p_after_ts, p_after_seq)
    ORDER BY b.ts_last, b.seq_last, u.pos
$$;

SELECT storage.create_time_series('marketdata', 'quote_blocks', $cols$
    symbol    text               NOT NULL,
    ts_first  timestamptz        NOT NULL,
    ts_last   timestamptz        NOT NULL,
    seq_first bigint             NOT NULL,
    seq_last  bigint             NOT NULL,
    n         integer            NOT NULL,
    ts        timestamptz[]      NOT NULL,
    seq       bigint[]           NOT NULL,
    bid_price double precision[] NOT NULL,
    bid_size  double precision[] NOT NULL,
    ask_price double precision[] NOT NULL,
    ask_size  double precision[] NOT NULL
$cols$, 'ts_first', interval '1 day', 'symbol');
CREATE INDEX quote_blocks_symbol_ts ON marketdata.quote_blocks (symbol, ts_last, seq_last);

ALTER TABLE marketdata.quote_blocks
    ALTER COLUMN ts SET STORAGE EXTERNAL, ALTER COLUMN seq SET STORAGE EXTERNAL,
    ALTER COLUMN bid_price SET STORAGE EXTERNAL, ALTER COLUMN bid_size SET STORAGE EXTERNAL,
    ALTER COLUMN ask_price SET STORAGE EXTERNAL, ALTER COLUMN ask_size SET STORAGE EXTERNAL;

CREATE VIEW marketdata.quotes AS
SELECT b.symbol, u.ts, u.seq, u.bid_price, u.bid_size, u.ask_price, u.ask_size
FROM marketdata.quote_blocks b,
     unnest(b.ts, b.seq, b.bid_price, b.bid_size, b.ask_price, b.ask_size) AS u(ts, seq, bid_price, bid_size, ask_price, ask_size);

CREATE FUNCTION marketdata.quotes_between(p_symbol text, p_from timestamptz, p_to timestamptz,
                                          p_after_ts timestamptz DEFAULT '-infinity', p_after_seq bigint DEFAULT 0)
RETURNS TABLE (symbol text, ts timestamptz, seq bigint, bid_price double precision, bid_size double precision,
               ask_price double precision, ask_size double precision)
LANGUAGE sql STABLE AS $$
    SELECT b.symbol, u.ts, u.seq, u.bid_price, u.bid_size, u.ask_price, u.ask_size
    FROM marketdata.quote_blocks b,
         unnest(b.ts, b.seq, b.bid_price, b.bid_size, b.ask_price, b.ask_size) WITH ORDINALITY
             AS u(ts, seq, bid_price, bid_size, ask_price, ask_size, pos)
    WHERE b.symbol = p_symbol AND b.ts_first <= p_to AND b.ts_last >= greatest(p_from, p_after_ts)
      AND u.ts >= p_from AND u.ts <= p_to AND (u.ts, u.seq) > (p_after_ts, p_after_seq)
    ORDER BY b.ts_last, b.seq_last, u.pos
$$;

SELECT storage.create_time_series('marketdata', 'book_snapshots', $cols$
    symbol    text               NOT NULL,
    ts        timestamptz        NOT NULL,
    seq       bigint             NOT NULL,
    bid_price double precision[] NOT NULL,
    bid_size  double precision[] NOT NULL,
    ask_price double precision[] NOT NULL,
    ask_size  double precision[] NOT NULL
$cols$, 'ts', interval '1 day', 'symbol');
CREATE INDEX book_snapshots_symbol_ts ON marketdata.book_snapshots (symbol, ts, seq);

-- Bars by their open time; one row per instrument, interval and open time (re-aggregation replaces, never doubles).
SELECT storage.create_time_series('marketdata', 'bars', $cols$
    symbol      text             NOT NULL,
    interval_s  integer          NOT NULL,
    ts          timestamptz      NOT NULL,
    open        double precision NOT NULL,
    high        double precision NOT NULL,
    low         double precision NOT NULL,
    close       double precision NOT NULL,
    volume      double precision NOT NULL,
    trade_count integer          NOT NULL,
    PRIMARY KEY (symbol, interval_s, ts) INCLUDE (open, high, low, close, volume, trade_count)
$cols$, 'ts', interval '28 days', 'symbol, interval_s');
