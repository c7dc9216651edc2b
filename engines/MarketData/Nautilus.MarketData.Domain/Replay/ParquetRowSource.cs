using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.Model;
using Parquet;
using Parquet.Schema;

namespace Nautilus.MarketData.Domain.Replay;

/// <summary>
/// Rows of an Apache Parquet file, its flat columns read whole into typed arrays: numbers (any integer, float or
/// decimal width), times (timestamp and date columns, or integer epoch counts), text. A null is an empty cell.
/// </summary>
public sealed class ParquetRowSource : RowSource
{
    /// <summary>Every Parquet file starts (and ends) with these four bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly Column[] _columns;
    private readonly int _rows;
    private int _row = -1;

    private ParquetRowSource(string[] names, Column[] columns, int rows)
    {
        Names = names;
        _columns = columns;
        _rows = rows;
    }

    public override IReadOnlyList<string> Names { get; }

    public override string Format => "parquet";

    public override int Line => _row + 2;

    public override int Width => _columns.Length;

    public static bool IsParquet(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    /// <summary>Reads the file's flat columns; a file that is not Parquet, or has nested columns, throws <see cref="InvalidDataException"/>.</summary>
    public static async Task<ParquetRowSource> LoadAsync(Stream stream, CancellationToken ct = default)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidDataException($"not a readable Parquet file: {ex.Message}", ex);
        }

        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            if (fields.FirstOrDefault(f => f.IsArray || f.Path.Length > 1) is { } nested)
            {
                throw new InvalidDataException($"column '{nested.Path}' is nested; only flat columns are read");
            }

            var total = (int)reader.RowGroups.Sum(g => g.RowCount);
            var columns = fields.Select(f => new Column(f.ClrType, total)).ToArray();
            var at = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                for (var c = 0; c < fields.Length; c++)
                {
                    await columns[c].ReadAsync(group, fields[c], at, count, ct);
                }

                at += count;
            }

            return new ParquetRowSource(fields.Select(f => f.Name).ToArray(), columns, total);
        }
    }

    public override bool Next() => ++_row < _rows;

    public override bool IsEmpty(int column) => _columns[column].IsNull(_row);

    public override string Text(int column) => _columns[column].Text(_row);

    public override bool TryNumber(int column, out double value) => _columns[column].TryNumber(_row, out value);

    public override bool TryTime(int column, out long unixNs) => _columns[column].TryTime(_row, out unixNs);

    /// <summary>One column's values: numbers as doubles (with the integers kept, for epoch times), times as ns, or text.</summary>
    private sealed class Column
    {
        private readonly Type _type;
        private readonly double[]? _numbers;
        private readonly long[]? _integers;
        private readonly long[]? _times;
        private readonly string?[]? _texts;
        private readonly bool[] _null;

        public Column(Type type, int rows)
        {
            // Parquet.Net describes a text column as string or as ReadOnlyMemory<char>; both read as strings.
            _type = Nullable.GetUnderlyingType(type) ?? type;
            if (_type == typeof(ReadOnlyMemory<char>))
            {
                _type = typeof(string);
            }

            _null = new bool[rows];
            if (_type == typeof(string))
            {
                _texts = new string?[rows];
            }
            else if (_type == typeof(DateTime) || _type == typeof(DateTimeOffset) || _type == typeof(DateOnly))
            {
                _times = new long[rows];
            }
            else if (_type == typeof(int) || _type == typeof(long) || _type == typeof(short) || _type == typeof(uint) || _type == typeof(ulong))
            {
                _integers = new long[rows];
                _numbers = new double[rows];
            }
            else if (_type == typeof(double) || _type == typeof(float) || _type == typeof(decimal))
            {
                _numbers = new double[rows];
            }
            else
            {
                _texts = new string?[rows]; // booleans as true/false; bytes and the rest by type name, refused where a number or time is wanted
            }
        }

        public async Task ReadAsync(ParquetRowGroupReader group, DataField field, int at, int count, CancellationToken ct)
        {
            switch (_type)
            {
                case var t when t == typeof(string):
                    var strings = new string?[count];
                    await group.ReadAsync(field, strings.AsMemory(), null, ct);
                    for (var i = 0; i < count; i++)
                    {
                        _texts![at + i] = strings[i];
                        _null[at + i] = strings[i] is null;
                    }

                    break;
                case var t when t == typeof(double): await Read<double>(group, field, at, count, v => v, ct); break;
                case var t when t == typeof(float): await Read<float>(group, field, at, count, v => v, ct); break;
                case var t when t == typeof(decimal): await Read<decimal>(group, field, at, count, v => (double)v, ct); break;
                case var t when t == typeof(long): await ReadInteger<long>(group, field, at, count, v => v, ct); break;
                case var t when t == typeof(int): await ReadInteger<int>(group, field, at, count, v => v, ct); break;
                case var t when t == typeof(short): await ReadInteger<short>(group, field, at, count, v => v, ct); break;
                case var t when t == typeof(uint): await ReadInteger<uint>(group, field, at, count, v => v, ct); break;
                case var t when t == typeof(ulong): await ReadInteger<ulong>(group, field, at, count, v => (long)v, ct); break;
                case var t when t == typeof(DateTime):
                    await ReadTime<DateTime>(group, field, at, count, v => UnixNanos.From(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v).Value, ct);
                    break;
                case var t when t == typeof(DateTimeOffset): await ReadTime<DateTimeOffset>(group, field, at, count, v => UnixNanos.From(v).Value, ct); break;
                case var t when t == typeof(DateOnly):
                    await ReadTime<DateOnly>(group, field, at, count, v => UnixNanos.From(v.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).Value, ct);
                    break;
                case var t when t == typeof(bool):
                    var flags = await ValuesAsync<bool>(group, field, count, ct);
                    for (var i = 0; i < count; i++)
                    {
                        _texts![at + i] = flags[i] is { } f ? (f ? "true" : "false") : null;
                        _null[at + i] = flags[i] is null;
                    }

                    break;
                default:
                    // Not a type a reader wants (bytes, nested values): not read; its cells only say what it holds.
                    Array.Fill(_texts!, _type.Name, at, count);
                    break;
            }
        }

        /// <summary>A column's values, null where the file has none (a required column is read without definition levels).</summary>
        private static async Task<T?[]> ValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count, CancellationToken ct)
            where T : struct
        {
            if (field.IsNullable)
            {
                var nullable = new T?[count];
                await group.ReadAsync(field, nullable.AsMemory(), null, ct);
                return nullable;
            }

            var values = new T[count];
            await group.ReadAsync(field, values.AsMemory(), null, ct);
            return Array.ConvertAll(values, v => (T?)v);
        }

        private async Task Read<T>(ParquetRowGroupReader group, DataField field, int at, int count, Func<T, double> convert, CancellationToken ct)
            where T : struct
        {
            var values = await ValuesAsync<T>(group, field, count, ct);
            for (var i = 0; i < count; i++)
            {
                _null[at + i] = values[i] is null;
                _numbers![at + i] = values[i] is { } v ? convert(v) : double.NaN;
            }
        }

        private async Task ReadInteger<T>(ParquetRowGroupReader group, DataField field, int at, int count, Func<T, long> convert, CancellationToken ct)
            where T : struct
        {
            var values = await ValuesAsync<T>(group, field, count, ct);
            for (var i = 0; i < count; i++)
            {
                _null[at + i] = values[i] is null;
                var v = values[i] is { } x ? convert(x) : 0;
                _integers![at + i] = v;
                _numbers![at + i] = v;
            }
        }

        private async Task ReadTime<T>(ParquetRowGroupReader group, DataField field, int at, int count, Func<T, long> convert, CancellationToken ct)
            where T : struct
        {
            var values = await ValuesAsync<T>(group, field, count, ct);
            for (var i = 0; i < count; i++)
            {
                _null[at + i] = values[i] is null;
                _times![at + i] = values[i] is { } v ? convert(v) : 0;
            }
        }

        public bool IsNull(int row) => _null[row] || (_texts is not null && string.IsNullOrWhiteSpace(_texts[row]));

        public string Text(int row) =>
            _null[row] ? "" :
            _texts is not null ? _texts[row]?.Trim() ?? "" :
            _times is not null ? new UnixNanos(_times[row]).ToUtcDateTime().ToString("O") :
            _integers is not null ? _integers[row].ToString(System.Globalization.CultureInfo.InvariantCulture) :
            _numbers![row].ToString(System.Globalization.CultureInfo.InvariantCulture);

        public bool TryNumber(int row, out double value)
        {
            value = 0;
            if (_null[row])
            {
                return false;
            }

            if (_numbers is not null)
            {
                value = _numbers[row];
                return double.IsFinite(value);
            }

            return _texts is not null && _texts[row] is { } text && TextValues.TryParseNumber(text, out value);
        }

        public bool TryTime(int row, out long unixNs)
        {
            unixNs = 0;
            if (_null[row])
            {
                return false;
            }

            if (_times is not null)
            {
                unixNs = _times[row];
                return true;
            }

            if (_integers is not null)
            {
                return TextValues.TryEpoch(_integers[row], out unixNs);
            }

            return _texts is not null && _texts[row] is { } text && TextValues.TryParseTime(text, out unixNs);
        }
    }
}
