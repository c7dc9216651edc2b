-- Intraday bars (interval < 1 hour) of a whole UTC day, compacted into one row of packed columns: reading a year of
-- minute bars touches ~365 rows instead of ~525,000. Each column is the day's values back to back, big-endian (what
-- int8send/float8send/int4send give): the client reads them as one byte string each and swaps bytes in bulk, which
-- measured several times faster than decoding float8[] arrays element by element. marketdata.bars stays the record (every write goes there, the
-- paged API and bars_1h read it); a block is a read cache of one sealed day, built by marketdata.compact_bar_blocks.
CREATE TABLE marketdata.bar_blocks (
    symbol      text               NOT NULL,
    interval_s  integer            NOT NULL,
    day         timestamptz        NOT NULL,
    ts_us       bytea       NOT NULL, -- open times: int8, microseconds since the Unix epoch
    open        bytea       NOT NULL, -- float8 each
    high        bytea       NOT NULL,
    low         bytea       NOT NULL,
    close       bytea       NOT NULL,
    volume      bytea       NOT NULL,
    trade_count bytea       NOT NULL, -- int4 each
    PRIMARY KEY (symbol, interval_s, day)
);

-- Stored as they are: compressing them saves little on prices and costs more than the read it is meant to speed up.
ALTER TABLE marketdata.bar_blocks
    ALTER COLUMN ts_us SET STORAGE EXTERNAL, ALTER COLUMN open SET STORAGE EXTERNAL, ALTER COLUMN high SET STORAGE EXTERNAL,
    ALTER COLUMN low SET STORAGE EXTERNAL, ALTER COLUMN close SET STORAGE EXTERNAL, ALTER COLUMN volume SET STORAGE EXTERNAL,
    ALTER COLUMN trade_count SET STORAGE EXTERNAL;

-- Days whose bars changed since their block was built (or that have none yet). A day in this queue is read from
-- marketdata.bars, never from its block, so a late bar is seen at once; the writer queues the days it touches in the
-- same transaction as the bars.
CREATE TABLE marketdata.bar_block_queue (
    symbol     text        NOT NULL,
    interval_s integer     NOT NULL,
    day        timestamptz NOT NULL,
    PRIMARY KEY (symbol, interval_s, day)
);

-- Builds (or rebuilds) the blocks of the queued days that ended before sealed_before; returns how many.
CREATE FUNCTION marketdata.compact_bar_blocks(sealed_before timestamptz) RETURNS integer
LANGUAGE sql AS $$
    WITH due AS (
        DELETE FROM marketdata.bar_block_queue q WHERE q.day + interval '1 day' <= sealed_before
        RETURNING q.symbol, q.interval_s, q.day
    ), built AS (
        -- One index range scan per due day (cost follows the days to build, not the size of the table).
        INSERT INTO marketdata.bar_blocks (symbol, interval_s, day, ts_us, open, high, low, close, volume, trade_count)
        SELECT d.symbol, d.interval_s, d.day, a.ts_us, a.open, a.high, a.low, a.close, a.volume, a.trade_count
        FROM due d
        CROSS JOIN LATERAL (
            SELECT string_agg(int8send((extract(epoch FROM b.ts) * 1000000)::bigint), ''::bytea ORDER BY b.ts) AS ts_us,
                   string_agg(float8send(b.open), ''::bytea ORDER BY b.ts) AS open,
                   string_agg(float8send(b.high), ''::bytea ORDER BY b.ts) AS high,
                   string_agg(float8send(b.low), ''::bytea ORDER BY b.ts) AS low,
                   string_agg(float8send(b.close), ''::bytea ORDER BY b.ts) AS close,
                   string_agg(float8send(b.volume), ''::bytea ORDER BY b.ts) AS volume,
                   string_agg(int4send(b.trade_count), ''::bytea ORDER BY b.ts) AS trade_count
            FROM marketdata.bars b
            WHERE b.symbol = d.symbol AND b.interval_s = d.interval_s AND b.ts >= d.day AND b.ts < d.day + interval '1 day'
        ) a
        WHERE a.ts_us IS NOT NULL
        ON CONFLICT (symbol, interval_s, day) DO UPDATE SET
            ts_us = EXCLUDED.ts_us, open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
            volume = EXCLUDED.volume, trade_count = EXCLUDED.trade_count
        RETURNING 1
    )
    SELECT count(*)::integer FROM built;
$$;

-- Queue every intraday day already stored, so the first compaction covers history written before this migration.
INSERT INTO marketdata.bar_block_queue (symbol, interval_s, day)
SELECT DISTINCT symbol, interval_s, date_trunc('day', ts, 'UTC') FROM marketdata.bars WHERE interval_s < 3600
ON CONFLICT DO NOTHING;
