-- The storage library's own schema: which time-series tables exist and how they are partitioned,
-- and the ledger that makes a retried COPY batch land exactly once.

-- nautilus:replaces-checksum 0d365a2bb1f1d2b65b737d644f9335112a285ed4a19abb232bdb7f0bfb8be492
-- (that text tried CREATE EXTENSION on a server that ships TimescaleDB without preloading it, which ends the session
-- with a FATAL error no handler can catch; wherever it succeeded, this text does the same.)
DO $$
BEGIN
    -- TimescaleDB only loads when preloaded; a server that merely ships the files is used in native mode.
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
       AND current_setting('shared_preload_libraries') ~ '(^|[\s,])timescaledb($|[\s,])' THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
    END IF;
END
$$;

CREATE TABLE storage.time_series (
    table_schema       text        NOT NULL,
    table_name         text        NOT NULL,
    time_column        text        NOT NULL,
    partition_interval interval    NOT NULL,
    mode               text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_schema, table_name)
);

CREATE TABLE storage.ingest_batches (
    batch_id     uuid        PRIMARY KEY,
    target       text        NOT NULL,
    row_count    integer     NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now()
);

-- 'timescaledb' when the extension is installed in this database, else 'native-partitioning'.
CREATE FUNCTION storage.mode() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
                THEN 'timescaledb' ELSE 'native-partitioning' END
$$;

-- Creates a time-series table: a hypertable (compressed after p_compress_after, segmented by p_segment_by) under
-- TimescaleDB, a table range-partitioned on p_time_column otherwise. p_columns is the column list of CREATE TABLE.
CREATE FUNCTION storage.create_time_series(
    p_schema text, p_table text, p_columns text, p_time_column text, p_interval interval,
    p_segment_by text DEFAULT NULL, p_compress_after interval DEFAULT interval '7 days')
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_mode text := storage.mode();
    v_name text := format('%I.%I', p_schema, p_table);
BEGIN
    IF v_mode = 'timescaledb' THEN
        EXECUTE format('CREATE TABLE %s (%s)', v_name, p_columns);
        EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => %L::interval)',
                       v_name, p_time_column, p_interval);
        IF p_segment_by IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %s SET (timescaledb.compress, timescaledb.compress_segmentby = %L)',
                           v_name, p_segment_by);
            EXECUTE format('SELECT add_compression_policy(%L, %L::interval)', v_name, p_compress_after);
        END IF;
    ELSE
        EXECUTE format('CREATE TABLE %s (%s) PARTITION BY RANGE (%I)', v_name, p_columns, p_time_column);
    END IF;
    INSERT INTO storage.time_series (table_schema, table_name, time_column, partition_interval, mode)
    VALUES (p_schema, p_table, p_time_column, p_interval, v_mode);
    RETURN v_mode;
END
$$;

-- Makes sure partitions cover [p_from, p_to] of a native time-series table (no-op under TimescaleDB, which makes
-- chunks itself). Partitions are aligned on multiples of the table's interval from 2000-01-01 UTC, named
-- <table>_p<yyyymmddhh24>. Returns how many were created. Concurrent callers serialise on the table.
CREATE FUNCTION storage.ensure_partitions(p_schema text, p_table text, p_from timestamptz, p_to timestamptz)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_ts      storage.time_series%ROWTYPE;
    v_origin  constant timestamptz := '2000-01-01 00:00:00+00';
    v_start   timestamptz;
    v_created integer := 0;
    v_part    text;
BEGIN
    SELECT * INTO v_ts FROM storage.time_series WHERE table_schema = p_schema AND table_name = p_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'storage: %.% is not a time-series table', p_schema, p_table USING ERRCODE = 'undefined_table';
    END IF;
    IF v_ts.mode = 'timescaledb' THEN
        RETURN 0;
    END IF;
    IF p_to < p_from THEN
        RAISE EXCEPTION 'storage: range end % is before its start %', p_to, p_from USING ERRCODE = 'invalid_parameter_value';
    END IF;

    PERFORM pg_advisory_xact_lock(hashtext('storage.partitions:' || p_schema || '.' || p_table));
    v_start := date_bin(v_ts.partition_interval, p_from, v_origin);
    WHILE v_start <= p_to LOOP
        v_part := p_table || '_p' || to_char(v_start AT TIME ZONE 'UTC', 'YYYYMMDDHH24');
        IF to_regclass(format('%I.%I', p_schema, v_part)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                           p_schema, v_part, p_schema, p_table, v_start, v_start + v_ts.partition_interval);
            v_created := v_created + 1;
        END IF;
        v_start := v_start + v_ts.partition_interval;
    END LOOP;
    RETURN v_created;
END
$$;
