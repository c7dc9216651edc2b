-- Factor model runs over stored daily bars: each run's universe and range, its daily factor returns (market, sector:<name>,
-- styles) and each day's standardised exposures, regression weights and specific returns per asset.
CREATE TABLE factor.runs (
    id                   text        PRIMARY KEY,
    created_at           timestamptz NOT NULL,
    symbols              jsonb       NOT NULL,
    from_date            date        NOT NULL,
    to_date              date        NOT NULL,
    styles               jsonb       NOT NULL,
    capitalisation_basis text        NOT NULL,
    days                 integer     NOT NULL
);

CREATE TABLE factor.factor_returns (
    run_id text             NOT NULL REFERENCES factor.runs (id) ON DELETE CASCADE,
    date   date             NOT NULL,
    factor text             NOT NULL,
    value  double precision NOT NULL,
    PRIMARY KEY (run_id, date, factor)
);

CREATE TABLE factor.exposures (
    run_id    text               NOT NULL REFERENCES factor.runs (id) ON DELETE CASCADE,
    date      date               NOT NULL,
    symbol    text               NOT NULL,
    sector    text               NOT NULL,
    weight    double precision   NOT NULL,
    styles    double precision[] NOT NULL,
    residual  double precision   NOT NULL,
    PRIMARY KEY (run_id, date, symbol)
);
