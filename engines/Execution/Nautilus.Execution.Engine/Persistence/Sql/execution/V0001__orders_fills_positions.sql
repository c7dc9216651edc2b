-- The OMS's orders (their latest state), every fill (what positions are rebuilt from) and the positions as last
-- published (what a rebuild is reconciled against).
CREATE TABLE execution.orders (
    client_order_id text        PRIMARY KEY,
    venue_order_id  text,
    strategy        text        NOT NULL,
    portfolio       text        NOT NULL,
    instrument      text        NOT NULL,
    side            text        NOT NULL,
    type            text        NOT NULL,
    quantity        numeric     NOT NULL,
    limit_price     numeric,
    trigger_price   numeric,
    time_in_force   text        NOT NULL,
    expire_time     timestamptz,
    list_id         text,
    contingency     text        NOT NULL,
    parent          text,
    status          text        NOT NULL,
    filled          numeric     NOT NULL,
    average_price   numeric,
    reason          text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX orders_open ON execution.orders (status)
    WHERE status IN ('Initialized', 'Submitted', 'Accepted', 'PartiallyFilled', 'PendingCancel');
CREATE INDEX orders_by_time ON execution.orders (created_at DESC);

CREATE TABLE execution.fills (
    trade_id        text        PRIMARY KEY,
    client_order_id text        NOT NULL,
    venue_order_id  text,
    account         text        NOT NULL,
    strategy        text        NOT NULL,
    instrument      text        NOT NULL,
    side            text        NOT NULL,
    quantity        numeric     NOT NULL,
    price           numeric     NOT NULL,
    fee             numeric     NOT NULL,
    currency        text        NOT NULL,
    maker           boolean     NOT NULL,
    position_id     text,
    ts              bigint      NOT NULL
);

CREATE INDEX fills_by_order ON execution.fills (client_order_id);
CREATE INDEX fills_by_time ON execution.fills (ts);

CREATE TABLE execution.positions (
    position_id   text        PRIMARY KEY,
    account       text        NOT NULL,
    instrument    text        NOT NULL,
    quantity      numeric     NOT NULL,
    average_price numeric     NOT NULL,
    realized_pnl  numeric     NOT NULL,
    commissions   numeric     NOT NULL,
    opened_at     timestamptz,
    updated_at    timestamptz NOT NULL
);
