namespace Nautilus.Storage;

/// <summary>
/// How time series are stored, by the server's kind: TimescaleDB's community edition (hypertables, compression,
/// continuous aggregates, policies), its Apache-2 edition (hypertables; retention and hourly bars done by us), or
/// plain PostgreSQL (native range partitions).
/// </summary>
public static class StorageMode
{
    public const string TimescaleDb = "timescaledb";
    public const string TimescaleDbApache = "timescaledb-apache";
    public const string NativePartitioning = "native-partitioning";

    /// <summary>
    /// The mode of the current database as SQL: the extension installed in it, or about to be (available and preloaded,
    /// as before the first migration), decides; its edition is the <c>timescaledb.license</c> setting.
    /// </summary>
    public const string DetectSql =
        "CASE WHEN EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') " +
        "       OR (EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') " +
        "           AND current_setting('shared_preload_libraries') ~ '(^|[\\s,])timescaledb($|[\\s,])') " +
        "THEN CASE WHEN current_setting('timescaledb.license', true) = 'apache' THEN '" + TimescaleDbApache + "' " +
        "          ELSE '" + TimescaleDb + "' END " +
        "ELSE '" + NativePartitioning + "' END";

    /// <summary>
    /// Which variant of a paired migration a mode runs: <c>.timescaledb</c> scripts use the community edition's features;
    /// <c>.native</c> scripts do without them, on plain PostgreSQL and the Apache edition alike.
    /// </summary>
    public static string MigrationVariant(string mode) => mode == TimescaleDb ? TimescaleDb : NativePartitioning;

    /// <summary>Whether the server makes a table's partitions (chunks) itself.</summary>
    public static bool IsHypertable(string mode) => mode != NativePartitioning;
}
