using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Nautilus.Storage;

namespace Nautilus.MarketData.Engine.Persistence;

/// <summary>Packed big-endian columns (PostgreSQL's int8send/float8send/int4send, back to back) to arrays, bytes swapped in bulk.</summary>
internal static class BigEndian
{
    public static long[] Int64s(byte[] packed)
    {
        var values = new long[packed.Length / sizeof(long)];
        Swap8(packed, MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static double[] Doubles(byte[] packed)
    {
        var values = new double[packed.Length / sizeof(double)];
        Swap8(packed, MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static int[] Int32s(byte[] packed)
    {
        var values = new int[packed.Length / sizeof(int)];
        var source = MemoryMarshal.Cast<byte, int>(packed.AsSpan(0, values.Length * sizeof(int)));
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(source, values);
        }
        else
        {
            source.CopyTo(values);
        }

        return values;
    }

    private static void Swap8(byte[] packed, Span<byte> target)
    {
        var source = MemoryMarshal.Cast<byte, long>(packed.AsSpan(0, target.Length));
        var destination = MemoryMarshal.Cast<byte, long>(target);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(source, destination);
        }
        else
        {
            source.CopyTo(destination);
        }
    }
}
