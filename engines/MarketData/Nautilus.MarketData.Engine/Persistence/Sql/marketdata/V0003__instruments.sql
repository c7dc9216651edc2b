-- The instrument master. Symbols are case-sensitive as venues print them; the engine seeds the defaults once.
CREATE TABLE marketdata.instruments (
    symbol             text        PRIMARY KEY,
    asset_class        text        NOT NULL,
    venue              text        NOT NULL,
    currency           char(3)     NOT NULL,
    tick_size          numeric     NOT NULL CHECK (tick_size > 0),
    lot_size           numeric     NOT NULL CHECK (lot_size > 0),
    sector             text        NOT NULL,
    shares_outstanding bigint      CHECK (shares_outstanding > 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
