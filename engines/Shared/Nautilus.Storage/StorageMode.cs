namespace Nautilus.Storage;

/// <summary>How time series are stored: TimescaleDB hypertables when the extension is installed, else native range partitions.</summary>
public static class StorageMode
{
    public const string TimescaleDb = "timescaledb";
    public const string NativePartitioning = "native-partitioning";

    public static string From(bool timescaleInstalled) => timescaleInstalled ? TimescaleDb : NativePartitioning;
}
