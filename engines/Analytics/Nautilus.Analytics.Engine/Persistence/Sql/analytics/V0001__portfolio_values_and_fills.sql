-- Day-end values of each portfolio (its last PORTFOLIO_UPDATE of the UTC day) and every fill, for tear sheets.
CREATE TABLE analytics.portfolio_days (
    portfolio text             NOT NULL,
    day       date             NOT NULL,
    nav       double precision NOT NULL,
    at        timestamptz      NOT NULL,
    PRIMARY KEY (portfolio, day)
);

CREATE TABLE analytics.fills (
    trade_id        text             PRIMARY KEY,
    client_order_id text             NOT NULL,
    instrument      text             NOT NULL,
    side            text             NOT NULL,
    quantity        double precision NOT NULL,
    price           double precision NOT NULL,
    fee             double precision NOT NULL,
    currency        text             NOT NULL,
    at              timestamptz      NOT NULL
);

CREATE INDEX fills_by_time ON analytics.fills (at DESC);
