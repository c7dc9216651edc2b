using System.Globalization;
using Nautilus.Indicators;

namespace Nautilus.UnitTests.Indicators;

/// <summary>TA-Lib's regression-test bars (TA-Lib/ta-lib, src/tools/ta_regtest/test_data.c).</summary>
internal static class TaLibReference
{
    public static readonly IReadOnlyList<Bar> Bars = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "talib_daily_ref_0.csv"))
        .Skip(1)
        .Select(line => line.Split(','))
        .Select(f => new Bar(long.Parse(f[0], CultureInfo.InvariantCulture),
            D(f[1]), D(f[2]), D(f[3]), D(f[4]), D(f[5])))
        .ToArray();

    public static IReadOnlyList<double> Closes => Bars.Select(b => b.Close).ToArray();

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Every value an indicator produces over the inputs, NaN where it was not ready.</summary>
    public static double[] Run<T>(Indicator<T> indicator, IEnumerable<T> inputs) =>
        inputs.Select(x => indicator.Update(x) ? indicator.Current : double.NaN).ToArray();
}
