-- Deployed strategies: what they are, their lifecycle, and the state that survives a restart (the strategy's own, its
-- cash and positions from its fills, its order sequence); every fill of its orders.
CREATE TABLE strategy.deployments (
    id          text        PRIMARY KEY,
    strategy    text        NOT NULL,
    parameters  jsonb       NOT NULL,
    symbols     text[]      NOT NULL,
    portfolio   text        NOT NULL,
    bar_interval int        NOT NULL,
    capital     numeric     NOT NULL,
    warm_up     int         NOT NULL,
    status      text        NOT NULL,
    state       jsonb       NOT NULL DEFAULT '{}',
    cash        numeric     NOT NULL,
    positions   jsonb       NOT NULL DEFAULT '{}',
    order_seq   bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE strategy.fills (
    trade_id        text        PRIMARY KEY,
    deployment      text        NOT NULL REFERENCES strategy.deployments (id) ON DELETE CASCADE,
    client_order_id text        NOT NULL,
    instrument      text        NOT NULL,
    side            text        NOT NULL,
    quantity        numeric     NOT NULL,
    price           numeric     NOT NULL,
    fee             numeric     NOT NULL,
    ts              bigint      NOT NULL
);

CREATE INDEX fills_by_deployment ON strategy.fills (deployment, ts);
