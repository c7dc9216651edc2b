-- Limits in force, every change to them, and the trading states (the kill switch), each with who and why.
CREATE TABLE risk.limits (
    scope      text             NOT NULL,
    key        text             NOT NULL,
    kind       text             NOT NULL,
    value      double precision NOT NULL CHECK (value > 0),
    changed_by text             NOT NULL,
    changed_at timestamptz      NOT NULL,
    PRIMARY KEY (scope, key, kind)
);

CREATE TABLE risk.limit_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope      text             NOT NULL,
    key        text             NOT NULL,
    kind       text             NOT NULL,
    old_value  double precision,
    new_value  double precision,
    changed_by text             NOT NULL,
    reason     text             NOT NULL,
    changed_at timestamptz      NOT NULL
);

-- scope_key is '' for the global state, else a portfolio id.
CREATE TABLE risk.trading_states (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope_key  text        NOT NULL,
    state      text        NOT NULL,
    changed_by text        NOT NULL,
    reason     text        NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE INDEX trading_states_latest ON risk.trading_states (scope_key, id DESC);
