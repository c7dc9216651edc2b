-- Each portfolio VaR computed (the scheduled ones and those asked for), the day-end net asset values it is backtested
-- against, and every RISK_ALERT the engine published.
CREATE TABLE risk.var_estimates (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    portfolio    text             NOT NULL,
    at           timestamptz      NOT NULL,
    method       text             NOT NULL,
    confidence   double precision NOT NULL,
    horizon_days integer          NOT NULL,
    var          double precision NOT NULL,
    es           double precision NOT NULL,
    value        double precision NOT NULL,
    scenarios    integer          NOT NULL,
    detail       jsonb            NOT NULL
);

CREATE INDEX var_estimates_by_portfolio ON risk.var_estimates (portfolio, at DESC);

-- close_nav is the day's last valuation; at orders valuations that arrive out of order.
CREATE TABLE risk.portfolio_days (
    portfolio text             NOT NULL,
    day       date             NOT NULL,
    open_nav  double precision NOT NULL,
    close_nav double precision NOT NULL,
    at        timestamptz      NOT NULL,
    PRIMARY KEY (portfolio, day)
);

CREATE TABLE risk.alerts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id      text             NOT NULL UNIQUE,
    at            timestamptz      NOT NULL,
    severity      text             NOT NULL,
    rule          text             NOT NULL,
    message       text             NOT NULL,
    portfolio     text,
    instrument    text,
    value         double precision NOT NULL,
    limit_value   double precision NOT NULL,
    trading_state text             NOT NULL
);
