namespace Nautilus.AppHost.Infrastructure;

/// <summary>Finds the server programs host mode runs, or says exactly what to install.</summary>
public static class HostBinaries
{
    /// <summary>The folder holding <c>initdb</c> and <c>postgres</c>: configured, on PATH, or Debian's versioned folder.</summary>
    public static string LocatePostgres(string? configuredDirectory, string? path = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            return HasPostgres(configuredDirectory)
                ? configuredDirectory
                : throw new InfrastructureConfigurationException(
                    $"Nautilus:PostgresBinDirectory is '{configuredDirectory}', but initdb and postgres are not both there.");
        }

        var fromPath = FindOnPath("postgres", path);
        if (fromPath is not null)
        {
            var directory = Path.GetDirectoryName(ResolveLink(fromPath))!;
            if (HasPostgres(directory))
            {
                return directory;
            }
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(HasPostgres)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

        return debian ?? throw new InfrastructureConfigurationException(
            "Host mode needs the PostgreSQL server programs (initdb, postgres), and none were found on PATH or under " +
            "/usr/lib/postgresql. Install them (Debian/Ubuntu: apt-get install postgresql; ./run.sh does this), or set " +
            "Nautilus:PostgresBinDirectory, or use Nautilus:Infrastructure=containers.");
    }

    /// <summary>
    /// Whether the TimescaleDB extension is installed for the server in <paramref name="binDirectory"/> (its control
    /// file in the server's share folder, as <c>scripts/timescaledb.sh</c> or a distribution package puts it).
    /// </summary>
    public static bool HasTimescaleDb(string binDirectory)
    {
        var pgConfig = Path.Combine(binDirectory, "pg_config");
        if (!File.Exists(pgConfig))
        {
            return false;
        }

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(pgConfig, "--sharedir")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var share = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 && File.Exists(Path.Combine(share, "extension", "timescaledb.control"));
    }

    public static string LocateRedis(string? path = null) =>
        FindOnPath("redis-server", path) ?? throw new InfrastructureConfigurationException(
            "Host mode needs redis-server, and it is not on PATH. Install it (Debian/Ubuntu: apt-get install " +
            "redis-server; ./run.sh does this), or use Nautilus:Infrastructure=containers.");

    private static bool HasPostgres(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres"));

    private static string? FindOnPath(string program, string? path) =>
        (path ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string ResolveLink(string file) =>
        new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file;
}
