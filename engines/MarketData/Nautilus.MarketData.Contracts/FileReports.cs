namespace Nautilus.MarketData.Contracts;

/// <summary>A row of an uploaded file that cannot be used: its line (the header is line 1), the column at fault, and why.</summary>
public sealed record RowError(int Line, string Field, string Problem);

/// <summary>
/// <c>PUT /api/replay/files/{name}</c>: what an uploaded tick file holds and what replay will do with it: ticks readable
/// and how many the validator will accept; the rows that cannot be read or will be refused, by line and column.
/// </summary>
public sealed record TickFileReport(
    string Name, string Layout, int Rows, int Trades, int Quotes, int Accepted, int Rejected, string[] Symbols,
    DateTimeOffset? First, DateTimeOffset? Last, IReadOnlyList<RowError> Errors, bool ErrorsTruncated);

/// <summary><c>POST /api/bars/import</c>: the bars stored, the ones refused, and each problem by line and column.</summary>
public sealed record BarImportReport(
    string Layout, int Rows, int Stored, int Rejected, IReadOnlyList<RowError> Errors, bool ErrorsTruncated);
