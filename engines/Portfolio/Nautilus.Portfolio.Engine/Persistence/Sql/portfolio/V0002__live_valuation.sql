-- Live valuation: a portfolio's funding, the fills booked to it (the record its positions and P&L are rebuilt from), its NAV
-- history and the rebalancing proposals made for it.
ALTER TABLE portfolio.nodes ADD COLUMN opening_cash double precision NOT NULL DEFAULT 0;

CREATE TABLE portfolio.fills (
    trade_id        text             PRIMARY KEY,
    portfolio_id    text             NOT NULL,
    client_order_id text             NOT NULL,
    symbol          text             NOT NULL,
    quantity        double precision NOT NULL, -- signed: positive bought
    price           double precision NOT NULL,
    fee             double precision NOT NULL,
    currency        text             NOT NULL,
    ts              timestamptz      NOT NULL
);

CREATE INDEX fills_portfolio ON portfolio.fills (portfolio_id, ts);

CREATE TABLE portfolio.nav (
    portfolio_id   text             NOT NULL,
    ts             timestamptz      NOT NULL,
    nav            double precision NOT NULL,
    cash           double precision NOT NULL,
    market_value   double precision NOT NULL,
    gross_exposure double precision NOT NULL,
    realized_pnl   double precision NOT NULL,
    unrealized_pnl double precision NOT NULL,
    fees           double precision NOT NULL,
    PRIMARY KEY (portfolio_id, ts)
);

CREATE TABLE portfolio.proposals (
    id           text        PRIMARY KEY,
    portfolio_id text        NOT NULL,
    status       text        NOT NULL, -- Proposed, Sent
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz,
    proposal     jsonb       NOT NULL
);

CREATE INDEX proposals_portfolio ON portfolio.proposals (portfolio_id, created_at);
