using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Nautilus.MarketData.Domain.Replay;
using Nautilus.MarketData.Engine.Extensions;

namespace Nautilus.MarketData.Engine.Replay;

/// <summary>A tick file kept for replay.</summary>
public sealed record ReplayFileInfo(string Name, long Bytes, DateTimeOffset Modified);

/// <summary>
/// The tick files the tick-replay feed can play: uploaded through the API or copied into the directory
/// (<see cref="MarketDataOptions.ReplayDirectory"/>). Names are
/// plain file names; nothing outside the directory is ever opened.
/// </summary>
public sealed partial class ReplayFiles
{
    public ReplayFiles(IOptions<MarketDataOptions> options)
    {
        Directory = options.Value.ReplayDirectory;
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Letters, digits, dot, dash, underscore; not starting with a dot; at most 100 characters.</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    public IReadOnlyList<ReplayFileInfo> List() =>
        new DirectoryInfo(Directory).EnumerateFiles()
            .Where(f => IsValidName(f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new ReplayFileInfo(f.Name, f.Length, f.LastWriteTimeUtc))
            .ToArray();

    public bool Exists(string name) => IsValidName(name) && File.Exists(PathOf(name));

    /// <summary>Writes the file whole (to a temporary name first, so a replay never reads half a file).</summary>
    public async Task SaveAsync(string name, byte[] content, CancellationToken ct)
    {
        var partial = PathOf(name) + ".partial";
        await File.WriteAllBytesAsync(partial, content, ct);
        File.Move(partial, PathOf(name), overwrite: true);
    }

    public bool Delete(string name)
    {
        if (!Exists(name))
        {
            return false;
        }

        File.Delete(PathOf(name));
        return true;
    }

    /// <summary>Reads a stored file's ticks (CSV or Parquet).</summary>
    public async Task<TickImport> ReadAsync(string name, string? symbol, CancellationToken ct) =>
        TickFileReader.Read(await RowSource.OpenAsync(await File.ReadAllBytesAsync(PathOf(name), ct), ct), symbol);

    private string PathOf(string name) =>
        IsValidName(name) ? Path.Combine(Directory, name) : throw new ArgumentException($"not a file name: {name}", nameof(name));

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ValidName();
}
