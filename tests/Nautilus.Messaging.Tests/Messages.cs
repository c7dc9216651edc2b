using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.Messaging.Tests;

internal static class Messages
{
    /// <summary>A price update whose event time is its <paramref name="sequence"/> (tests read the order back from it).</summary>
    public static PriceUpdate Price(string symbol, int sequence) =>
        new(MarketDataSamples.InstrumentOf(symbol), Model.Price.FromDecimal(100m + sequence * 0.01m, 2), Model.Price.FromDecimal(100.02m + sequence * 0.01m, 2),
            Model.Price.FromDecimal(100.01m, 2), new UnixNanos(sequence));

    public static RiskAlert Alert(int sequence) =>
        new($"alert-{sequence}", AlertSeverity.Warning, "gross-exposure", "gross exposure above 90% of limit", new PortfolioId("pf-1"), null,
            0.93, 1.0, TradingState.Active, new UnixNanos(sequence));
}
