-- The book: clients, households and trusts, accounts, portfolios and goal-based sleeves, each under its parent. A parent
-- with children cannot be deleted.
CREATE TABLE portfolio.nodes (
    id          text        PRIMARY KEY,
    kind        text        NOT NULL,
    name        text        NOT NULL,
    parent_id   text        REFERENCES portfolio.nodes (id) ON DELETE RESTRICT,
    currency    text,
    goal        jsonb,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX nodes_parent ON portfolio.nodes (parent_id);
