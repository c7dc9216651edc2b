using System.Security.Cryptography;
using System.Text;

namespace Nautilus.Storage.Migrations;

/// <summary>
/// One versioned SQL script of one schema. <see cref="Mode"/> is null when the script suits both storage modes, else
/// the mode it is written for (a version may come as a pair: <c>V0002__x.timescaledb.sql</c> and <c>V0002__x.native.sql</c>).
/// </summary>
public sealed record Migration(string Schema, int Version, string Name, string? Mode, string Sql)
{
    /// <summary>First-line marker of a script that must run outside a transaction (TimescaleDB continuous aggregates).</summary>
    public const string NoTransactionMarker = "-- nautilus:no-transaction";

    /// <summary>
    /// Marker of an earlier text of this script that an applied database may carry (<c>-- nautilus:replaces-checksum
    /// &lt;sha256&gt;</c>): used only where the new text does the same wherever the old one succeeded, and said why.
    /// </summary>
    public const string ReplacesChecksumMarker = "-- nautilus:replaces-checksum ";

    public bool RunsInTransaction => !Sql.TrimStart().StartsWith(NoTransactionMarker, StringComparison.Ordinal);

    /// <summary>Identifies the script's text, so an edit to an applied migration is caught instead of silently skipped.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The checksums of earlier texts this one stands in for (see <see cref="ReplacesChecksumMarker"/>).</summary>
    public IReadOnlyList<string> ReplacedChecksums { get; } = Sql.ReplaceLineEndings("\n").Split('\n')
        .Where(l => l.StartsWith(ReplacesChecksumMarker, StringComparison.Ordinal))
        .Select(l => l[ReplacesChecksumMarker.Length..].Trim()).ToArray();

    /// <summary>
    /// The script as the runner sends it: whole inside a transaction; outside one, statement by statement (split at
    /// semicolons that end a line), since several statements in one round trip form an implicit transaction.
    /// </summary>
    public IEnumerable<string> Statements() => RunsInTransaction
        ? [Sql]
        : Sql.ReplaceLineEndings("\n").Split(";\n").Select(s => s.Trim()).Where(s => s.Length > 0 && s.Split('\n').Any(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));

    public override string ToString() => $"{Schema} V{Version:D4} {Name}{(Mode is null ? "" : $" ({Mode})")}";
}
