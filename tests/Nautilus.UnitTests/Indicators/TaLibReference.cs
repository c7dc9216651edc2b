using System.Globalization;
using Nautilus.Indicators;
using Nautilus.Model;

namespace Nautilus.UnitTests.Indicators;

/// <summary>TA-Lib's regression-test bars (TA-Lib/ta-lib, src/tools/ta_regtest/test_data.c).</summary>
internal static class TaLibReference
{
    private static readonly string[][] Lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "talib_daily_ref_0.csv"))
        .Skip(1)
        .Select(line => line.Split(','))
        .ToArray();

    private static readonly BarType Daily = new(new InstrumentId("TALIB", "REF"), 86_400);

    /// <summary>The bars as the indicators take them, prices exactly as the file writes them, one a day from the epoch.</summary>
    public static readonly IReadOnlyList<Bar> Bars = Lines
        .Select(f => new Bar(Daily, Price.Parse(f[1]), Price.Parse(f[2]), Price.Parse(f[3]), Price.Parse(f[4]), Quantity.Parse(f[5]), 0,
            UnixNanos.Epoch + TimeSpan.FromDays(int.Parse(f[0], CultureInfo.InvariantCulture))))
        .ToArray();

    /// <summary>The same bars as numbers, for the tests' own arithmetic.</summary>
    public static readonly IReadOnlyList<(double Open, double High, double Low, double Close, double Volume)> Rows = Lines
        .Select(f => (D(f[1]), D(f[2]), D(f[3]), D(f[4]), D(f[5])))
        .ToArray();

    public static IReadOnlyList<double> Closes => Rows.Select(b => b.Close).ToArray();

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Every value an indicator produces over the inputs, NaN where it was not ready.</summary>
    public static double[] Run<T>(Indicator<T> indicator, IEnumerable<T> inputs) =>
        inputs.Select(x => indicator.Update(x) ? indicator.Current : double.NaN).ToArray();
}
