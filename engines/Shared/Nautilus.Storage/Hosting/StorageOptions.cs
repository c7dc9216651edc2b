using System.Text.RegularExpressions;
using Nautilus.Platform;

namespace Nautilus.Storage.Hosting;

/// <summary>Settings of an engine's storage (section <c>Nautilus:Storage</c>).</summary>
public sealed partial class StorageOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Storage";

    /// <summary>
    /// How long rows of a time-series table are kept, by <c>schema.table</c> (e.g. <c>marketdata.trade_blocks</c> =
    /// <c>90.00:00:00</c>); a table not named keeps everything. Data goes a whole partition or chunk at a time.
    /// </summary>
    public Dictionary<string, TimeSpan> Retention { get; init; } = [];

    /// <summary>How often partitions are made ahead, retention applied and the ingest ledger trimmed.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The problems of these settings, empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (table, keep) in Retention)
        {
            if (!TableName().IsMatch(table))
            {
                yield return $"{Section}:Retention: '{table}' is not a schema.table name.";
            }

            if (keep <= TimeSpan.Zero)
            {
                yield return $"{Section}:Retention:{table} must be positive, not {keep}.";
            }
        }

        if (MaintenanceInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:MaintenanceInterval must be positive, not {MaintenanceInterval}.";
        }
    }

    public static (string Schema, string Table) Split(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return (name[..dot], name[(dot + 1)..]);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*$")]
    private static partial Regex TableName();
}
