-- Every full volume bucket of every instrument with the VPIN and CDF after it (NULL until the window is full), the toxicity
-- alerts, and the settings an operator gave an instrument instead of the engine's defaults.
SELECT storage.create_time_series('vpin', 'buckets', $cols$
    symbol  text             NOT NULL,
    at      timestamptz      NOT NULL,
    bucket  bigint           NOT NULL,
    vpin    double precision,
    cdf     double precision,
    buy     double precision NOT NULL,
    sell    double precision NOT NULL,
    price   double precision NOT NULL,
    level   smallint         NOT NULL
$cols$, 'at', interval '7 days', 'symbol');
CREATE INDEX buckets_symbol_at ON vpin.buckets (symbol, at DESC);

CREATE TABLE vpin.alerts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol     text             NOT NULL,
    at         timestamptz      NOT NULL,
    from_level smallint         NOT NULL,
    to_level   smallint         NOT NULL,
    vpin       double precision NOT NULL,
    cdf        double precision NOT NULL,
    price      double precision NOT NULL
);
CREATE INDEX alerts_by_time ON vpin.alerts (at DESC);

CREATE TABLE vpin.instrument_settings (
    symbol   text        PRIMARY KEY,
    settings jsonb       NOT NULL,
    at       timestamptz NOT NULL
);
