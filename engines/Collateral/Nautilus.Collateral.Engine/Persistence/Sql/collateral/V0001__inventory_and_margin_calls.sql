-- The firm's collateral inventory (what can be posted, its haircut and cost) and every margin call forecast and published.
CREATE TABLE collateral.inventory (
    id           text             PRIMARY KEY,
    type         text             NOT NULL,
    market_value double precision NOT NULL,
    haircut      double precision NOT NULL,
    cost         double precision NOT NULL,
    at           timestamptz      NOT NULL
);

CREATE TABLE collateral.margin_calls (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account      text             NOT NULL,
    at           timestamptz      NOT NULL,
    due_by       timestamptz      NOT NULL,
    lead_minutes integer          NOT NULL,
    utilisation  double precision NOT NULL,
    required     numeric          NOT NULL,
    available    numeric          NOT NULL,
    shortfall    numeric          NOT NULL,
    currency     text             NOT NULL
);
CREATE INDEX margin_calls_by_time ON collateral.margin_calls (at DESC);
