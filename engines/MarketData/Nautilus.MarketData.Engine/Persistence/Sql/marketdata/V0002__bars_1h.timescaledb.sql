-- nautilus:no-transaction
-- Hourly bars kept up to date by TimescaleDB from the one-minute bars (a continuous aggregate cannot be created
-- inside a transaction).
CREATE MATERIALIZED VIEW marketdata.bars_1h WITH (timescaledb.continuous) AS
SELECT symbol,
       time_bucket(interval '1 hour', ts) AS ts,
       first(open, ts)  AS open,
       max(high)        AS high,
       min(low)         AS low,
       last(close, ts)  AS close,
       sum(volume)      AS volume,
       sum(trade_count)::integer AS trade_count
FROM marketdata.bars
WHERE interval_s = 60
GROUP BY symbol, time_bucket(interval '1 hour', ts)
WITH NO DATA;
SELECT add_continuous_aggregate_policy('marketdata.bars_1h',
    start_offset => interval '3 days', end_offset => interval '1 minute', schedule_interval => interval '1 minute');
