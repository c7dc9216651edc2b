using Nautilus.Contracts;

namespace Nautilus.Messaging.Tests;

internal static class Messages
{
    public static PriceUpdate Price(string symbol, int sequence) =>
        new(symbol, 100m + sequence * 0.01m, 100.02m + sequence * 0.01m, 100.01m, sequence);

    public static RiskAlert Alert(int sequence) =>
        new($"alert-{sequence}", AlertSeverity.Warning, "gross-exposure", "gross exposure above 90% of limit", "pf-1", null,
            0.93, 1.0, TradingState.Active, sequence);
}
