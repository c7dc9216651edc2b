-- Hourly bars computed from the one-minute bars at query time: the same relation TimescaleDB keeps as a continuous
-- aggregate, so readers do not care which mode the server runs in.
CREATE VIEW marketdata.bars_1h AS
SELECT symbol,
       date_bin(interval '1 hour', ts, timestamptz '2000-01-01 00:00:00+00') AS ts,
       (array_agg(open ORDER BY ts))[1]       AS open,
       max(high)                              AS high,
       min(low)                               AS low,
       (array_agg(close ORDER BY ts DESC))[1] AS close,
       sum(volume)                            AS volume,
       sum(trade_count)::integer              AS trade_count
FROM marketdata.bars
WHERE interval_s = 60
GROUP BY symbol, date_bin(interval '1 hour', ts, timestamptz '2000-01-01 00:00:00+00');
