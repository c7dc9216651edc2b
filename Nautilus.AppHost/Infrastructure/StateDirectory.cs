using System.Security.Cryptography;
using System.Text;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>
/// Where host mode keeps its data (PostgreSQL cluster, Redis append-only files, generated passwords): by default
/// <c>.nautilus/</c> at the repository root (git-ignored), or <c>Nautilus:StateDirectory</c>. It survives restarts.
/// </summary>
public sealed class StateDirectory
{
    public StateDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(SecretsDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SecretsDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Root { get; }

    private string SecretsDirectory => Path.Combine(Root, "secrets");

    public string SubDirectory(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A password generated on first use and kept, so data made by one run opens in the next.</summary>
    public string Secret(string name)
    {
        var file = SecretPath(name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }

    public string SecretPath(string name) => Path.Combine(SecretsDirectory, name);

    /// <summary>
    /// PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user, which must be able to reach
    /// its data folder. Under a home folder closed to others (e.g. /root) the cluster goes to /var/lib/nautilus instead.
    /// </summary>
    public string PostgresDataDirectory(bool runningAsRoot)
    {
        var preferred = Path.Combine(Root, "postgres");
        if (!runningAsRoot || OthersCanTraverse(Root))
        {
            return preferred;
        }
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..12];
        return Path.Combine("/var/lib/nautilus", key, "postgres");
    }

    public static bool OthersCanTraverse(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
