-- Three kinds of server: plain PostgreSQL (native range partitions), TimescaleDB's Apache-2 edition (hypertables and
-- drop_chunks, but no compression, continuous aggregates or policies: what managed services often offer) and its
-- community edition (all of those). Retention is kept per time-series table; the community edition enforces it with
-- a policy, the other two through storage.apply_retention, which each engine's maintenance service runs.

-- 'timescaledb' (community edition), 'timescaledb-apache', or 'native-partitioning' when the extension is not installed.
CREATE OR REPLACE FUNCTION storage.mode() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN 'native-partitioning'
        WHEN current_setting('timescaledb.license', true) = 'apache' THEN 'timescaledb-apache'
        ELSE 'timescaledb' END
$$;

ALTER TABLE storage.time_series ADD COLUMN retention interval;

-- The registry row of a time-series table; an error naming it when it is none.
CREATE FUNCTION storage.time_series_of(p_schema text, p_table text) RETURNS storage.time_series
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_ts storage.time_series%ROWTYPE;
BEGIN
    SELECT * INTO v_ts FROM storage.time_series WHERE table_schema = p_schema AND table_name = p_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'storage: %.% is not a time-series table', p_schema, p_table USING ERRCODE = 'undefined_table';
    END IF;
    RETURN v_ts;
END
$$;

-- As before, plus: under the Apache edition a hypertable without compression (which that edition refuses).
CREATE OR REPLACE FUNCTION storage.create_time_series(
    p_schema text, p_table text, p_columns text, p_time_column text, p_interval interval,
    p_segment_by text DEFAULT NULL, p_compress_after interval DEFAULT interval '7 days')
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v_mode text := storage.mode();
    v_name text := format('%I.%I', p_schema, p_table);
BEGIN
    IF v_mode = 'native-partitioning' THEN
        EXECUTE format('CREATE TABLE %s (%s) PARTITION BY RANGE (%I)', v_name, p_columns, p_time_column);
    ELSE
        EXECUTE format('CREATE TABLE %s (%s)', v_name, p_columns);
        EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => %L::interval)',
                       v_name, p_time_column, p_interval);
        IF v_mode = 'timescaledb' AND p_segment_by IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %s SET (timescaledb.compress, timescaledb.compress_segmentby = %L)',
                           v_name, p_segment_by);
            EXECUTE format('SELECT add_compression_policy(%L, %L::interval)', v_name, p_compress_after);
        END IF;
    END IF;
    INSERT INTO storage.time_series (table_schema, table_name, time_column, partition_interval, mode)
    VALUES (p_schema, p_table, p_time_column, p_interval, v_mode);
    RETURN v_mode;
END
$$;

-- Native tables only: hypertables of either edition make their chunks themselves.
CREATE OR REPLACE FUNCTION storage.ensure_partitions(p_schema text, p_table text, p_from timestamptz, p_to timestamptz)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_ts      storage.time_series%ROWTYPE;
    v_origin  constant timestamptz := '2000-01-01 00:00:00+00';
    v_start   timestamptz;
    v_created integer := 0;
    v_part    text;
BEGIN
    v_ts := storage.time_series_of(p_schema, p_table);
    IF v_ts.mode <> 'native-partitioning' THEN
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

-- Keeps rows of a time-series table for p_keep (NULL: for ever). Data goes a whole partition or chunk at a time, once
-- all of it is older than p_keep. Under the community edition this is a retention policy run by TimescaleDB's jobs.
CREATE FUNCTION storage.set_retention(p_schema text, p_table text, p_keep interval)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_mode text;
    v_name text := format('%I.%I', p_schema, p_table);
BEGIN
    IF p_keep IS NOT NULL AND p_keep <= interval '0' THEN
        RAISE EXCEPTION 'storage: retention of %.% must be positive, not %', p_schema, p_table, p_keep
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE storage.time_series SET retention = p_keep WHERE table_schema = p_schema AND table_name = p_table
    RETURNING mode INTO v_mode;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'storage: %.% is not a time-series table', p_schema, p_table USING ERRCODE = 'undefined_table';
    END IF;
    IF v_mode = 'timescaledb' THEN
        EXECUTE format('SELECT remove_retention_policy(%L, if_exists => true)', v_name);
        IF p_keep IS NOT NULL THEN
            EXECUTE format('SELECT add_retention_policy(%L, %L::interval)', v_name, p_keep);
        END IF;
    END IF;
END
$$;

-- Drops the partitions (native) or chunks (Apache edition) of a table that lie wholly before now() - its retention.
-- Returns how many went. Under the community edition its policy does this, so it returns 0.
CREATE FUNCTION storage.apply_retention(p_schema text, p_table text)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_ts      storage.time_series%ROWTYPE;
    v_cutoff  timestamptz;
    v_dropped integer := 0;
    v_part    record;
BEGIN
    v_ts := storage.time_series_of(p_schema, p_table);
    IF v_ts.retention IS NULL OR v_ts.mode = 'timescaledb' THEN
        RETURN 0;
    END IF;
    v_cutoff := now() - v_ts.retention;

    IF v_ts.mode = 'timescaledb-apache' THEN
        EXECUTE format('SELECT count(*) FROM drop_chunks(%L, older_than => %L::timestamptz)',
                       format('%I.%I', p_schema, p_table), v_cutoff) INTO v_dropped;
        RETURN v_dropped;
    END IF;

    PERFORM pg_advisory_xact_lock(hashtext('storage.partitions:' || p_schema || '.' || p_table));
    FOR v_part IN
        SELECT c.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.inhparent = format('%I.%I', p_schema, p_table)::regclass
          AND n.nspname = p_schema
          AND c.relname ~ ('^' || p_table || '_p[0-9]{10}$')
          AND (to_timestamp(right(c.relname, 10), 'YYYYMMDDHH24')::timestamp AT TIME ZONE 'UTC') + v_ts.partition_interval
              <= v_cutoff
    LOOP
        EXECUTE format('DROP TABLE %I.%I', p_schema, v_part.relname);
        v_dropped := v_dropped + 1;
    END LOOP;
    RETURN v_dropped;
END
$$;
