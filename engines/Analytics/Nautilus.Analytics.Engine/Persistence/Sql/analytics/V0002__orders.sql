-- Which strategy and portfolio each order was for (from ORDER_REQUEST): fills are attributed to strategies through it.
CREATE TABLE analytics.orders (
    client_order_id text        PRIMARY KEY,
    strategy        text        NOT NULL,
    portfolio       text        NOT NULL,
    instrument      text        NOT NULL,
    at              timestamptz NOT NULL
);

CREATE INDEX orders_by_strategy ON analytics.orders (strategy);
