using Parquet;
using Parquet.Schema;

namespace Nautilus.UnitTests.MarketData;

/// <summary>Writes small Parquet files (one row group) with Parquet.Net, for the readers' tests.</summary>
internal static class ParquetTestFile
{
    public static async Task<byte[]> WriteAsync(params (string Name, Array Values)[] columns)
    {
        var fields = columns.Select(c => new DataField(c.Name, c.Values.GetType().GetElementType()!)).ToArray();
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream))
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                switch (columns[i].Values)
                {
                    case string?[] s: await group.WriteAsync(fields[i], (IReadOnlyCollection<string>)s!); break;
                    case double[] d: await group.WriteAsync<double>(fields[i], d); break;
                    case double?[] d: await group.WriteAsync<double>(fields[i], (ReadOnlyMemory<double?>)d); break;
                    case long[] l: await group.WriteAsync<long>(fields[i], l); break;
                    case bool[] b: await group.WriteAsync<bool>(fields[i], b); break;
                    case DateTime[] t: await group.WriteAsync<DateTime>(fields[i], t); break;
                    default: throw new NotSupportedException(columns[i].Values.GetType().Name);
                }
            }
        }

        return stream.ToArray();
    }
}
