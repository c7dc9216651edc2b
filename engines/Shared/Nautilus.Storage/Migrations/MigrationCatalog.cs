using System.Reflection;
using System.Text.RegularExpressions;

namespace Nautilus.Storage.Migrations;

/// <summary>
/// The migrations embedded in an assembly as <c>Sql/&lt;schema&gt;/V&lt;version&gt;__&lt;name&gt;[.timescaledb|.native].sql</c>.
/// </summary>
public static partial class MigrationCatalog
{
    [GeneratedRegex(@"\.Sql\.(?<schema>[a-z_][a-z0-9_]*)\.V(?<version>\d+)__(?<name>[a-z0-9_]+)(\.(?<mode>timescaledb|native))?\.sql$")]
    private static partial Regex ResourceName();

    public static IReadOnlyList<Migration> FromAssembly(Assembly assembly, string schema)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success || match.Groups["schema"].Value != schema)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var mode = match.Groups["mode"].Success
                ? match.Groups["mode"].Value == "native" ? StorageMode.NativePartitioning : StorageMode.TimescaleDb
                : null;
            migrations.Add(new Migration(schema, int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value, mode, reader.ReadToEnd()));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No migrations for schema '{schema}' are embedded in {assembly.GetName().Name}.");
        }

        return migrations.OrderBy(m => m.Version).ThenBy(m => m.Mode).ToArray();
    }

    /// <summary>The scripts to run on a server in <paramref name="mode"/>: shared ones plus the variant for that mode.</summary>
    public static IReadOnlyList<Migration> For(IEnumerable<Migration> migrations, string mode)
    {
        var variant = StorageMode.MigrationVariant(mode);
        var chosen = migrations.Where(m => m.Mode is null || m.Mode == variant).ToArray();
        var twice = chosen.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"Schema '{twice.First().Schema}' has more than one V{twice.Key:D4} for {mode}: " +
                string.Join(", ", twice.Select(m => m.Name)));
        }

        var missing = migrations.Where(m => m.Mode is not null).Select(m => m.Version).Distinct()
            .Where(v => chosen.All(c => c.Version != v)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"Schema migrations V{missing[0]:D4} have no variant for {mode}.");
        }

        return chosen;
    }
}
