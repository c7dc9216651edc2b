using System.Text;
using Nautilus.MarketData.Domain.Normalisation;

namespace Nautilus.MarketData.Domain.Replay;

/// <summary>Rows of a comma-separated file with a header line; double quotes honoured; blank lines skipped.</summary>
public sealed class CsvRowSource : RowSource
{
    private readonly TextReader _reader;
    private string[] _cells = [];
    private int _line = 1;

    public CsvRowSource(TextReader reader)
    {
        _reader = reader;
        Names = reader.ReadLine() is { } header ? Split(header.TrimStart('\uFEFF')) : [];
    }

    public override IReadOnlyList<string> Names { get; }

    public override string Format => "csv";

    public override int Line => _line;

    public override int Width => _cells.Length;

    public override bool Next()
    {
        while (_reader.ReadLine() is { } line)
        {
            _line++;
            if (line.AsSpan().Trim().Length > 0)
            {
                _cells = Split(line);
                return true;
            }
        }

        return false;
    }

    public override bool IsEmpty(int column) => column >= _cells.Length || _cells[column].AsSpan().Trim().Length == 0;

    public override string Text(int column) => column < _cells.Length ? _cells[column].Trim() : "";

    public override bool TryNumber(int column, out double value)
    {
        value = 0;
        return column < _cells.Length && TextValues.TryParseNumber(_cells[column], out value);
    }

    public override bool TryTime(int column, out long unixNs)
    {
        unixNs = 0;
        return column < _cells.Length && TextValues.TryParseTime(_cells[column], out unixNs);
    }

    private static string[] Split(string line)
    {
        if (!line.Contains('"'))
        {
            return line.Split(',');
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
