namespace Nautilus.Engine.Hosting;

/// <summary>How time series are stored: TimescaleDB hypertables when the extension exists, else native range partitions.</summary>
public static class StorageMode
{
    public const string TimescaleDb = "timescaledb";
    public const string NativePartitioning = "native-partitioning";

    public static string From(bool timescaleAvailable) => timescaleAvailable ? TimescaleDb : NativePartitioning;
}
