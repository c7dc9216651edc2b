-- Company figures per share, point in time: as_of is the day a figure was published, and it is used from that day on.
CREATE TABLE marketdata.fundamentals (
    symbol               text             NOT NULL,
    as_of                date             NOT NULL,
    book_value_per_share double precision,
    sales_per_share      double precision,
    cash_flow_per_share  double precision,
    PRIMARY KEY (symbol, as_of),
    CHECK (book_value_per_share IS NOT NULL OR sales_per_share IS NOT NULL OR cash_flow_per_share IS NOT NULL)
);
