-- Backtest runs (the request without its inline bars, progress, outcome) and their results; sweeps, their input bars
-- and one row per combination run.
CREATE TABLE backtesting.runs (
    id           text        PRIMARY KEY,
    name         text        NOT NULL,
    strategy     text        NOT NULL,
    parameters   jsonb       NOT NULL,
    data         text        NOT NULL,
    status       text        NOT NULL,
    processed    bigint      NOT NULL DEFAULT 0,
    total        bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz,
    error        text,
    summary      jsonb
);

CREATE INDEX runs_by_time ON backtesting.runs (created_at DESC);

CREATE TABLE backtesting.results (
    id           text               PRIMARY KEY REFERENCES backtesting.runs (id) ON DELETE CASCADE,
    initial_cash double precision   NOT NULL,
    final_equity double precision   NOT NULL,
    final_cash   numeric            NOT NULL,
    bars         bigint             NOT NULL,
    equity_ts    bigint[]           NOT NULL,
    equity       double precision[] NOT NULL,
    trades       jsonb              NOT NULL,
    orders       jsonb              NOT NULL,
    fills        jsonb              NOT NULL,
    statistics   jsonb,
    note         text
);

CREATE TABLE backtesting.sweeps (
    id           text        PRIMARY KEY,
    strategy     text        NOT NULL,
    request      jsonb       NOT NULL,
    combinations jsonb       NOT NULL,
    instruments  jsonb       NOT NULL,
    bars         bytea       NOT NULL,
    status       text        NOT NULL,
    total        int         NOT NULL,
    work_items   int         NOT NULL,
    rank_by      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz,
    error        text
);

CREATE TABLE backtesting.sweep_points (
    sweep_id   text  NOT NULL REFERENCES backtesting.sweeps (id) ON DELETE CASCADE,
    idx        int   NOT NULL,
    parameters jsonb NOT NULL,
    summary    jsonb,
    score      double precision,
    skipped    text,
    PRIMARY KEY (sweep_id, idx)
);
