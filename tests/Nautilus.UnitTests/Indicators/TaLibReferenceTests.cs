using Nautilus.Indicators;

namespace Nautilus.UnitTests.Indicators;

/// <summary>
/// Our indicators against the values TA-Lib publishes for its own regression bars (TA-Lib/ta-lib
/// src/tools/ta_regtest/ta_test_func/test_ma.c and test_rsi.c).
/// </summary>
public sealed class TaLibReferenceTests
{
    /// <summary>The test files list values cut (not rounded) to two decimals: 93.2255 is listed as 93.22.</summary>
    private static void Truncated(double listed, double actual) =>
        Assert.True(actual >= listed - 1e-9 && actual < listed + 0.01, $"TA-Lib lists {listed:F2}, we computed {actual}");

    [Fact]
    public void Sma_30_matches_test_ma_c()
    {
        var values = TaLibReference.Run(new Sma(30), TaLibReference.Closes);

        Assert.Equal(29, Array.FindIndex(values, v => !double.IsNaN(v)));
        Assert.Equal(90.426333, values[29], 5);
        Truncated(90.21, values[30]);
        Truncated(108.42, values[^1]);
    }

    [Fact]
    public void Ema_10_seeded_with_the_sma_matches_test_ma_c()
    {
        var values = TaLibReference.Run(new Ema(10), TaLibReference.Closes);

        Assert.Equal(9, Array.FindIndex(values, v => !double.IsNaN(v)));
        Truncated(93.22, values[9]);
        Truncated(93.75, values[10]);
        Truncated(108.97, values[^1]);
    }

    [Fact]
    public void Rsi_14_wilder_matches_test_rsi_c()
    {
        var values = TaLibReference.Run(new Rsi(14), TaLibReference.Closes);

        Assert.Equal(14, Array.FindIndex(values, v => !double.IsNaN(v)));
        Truncated(49.14, values[14]);
        Truncated(52.32, values[15]);
        Truncated(46.07, values[16]);
    }
}
