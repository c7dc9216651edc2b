namespace Nautilus.Platform;

/// <summary>
/// Which bus carries which message type, and the wire name of each type. This table is the only place that
/// decides routing: callers publish by type and never pick a bus.
/// </summary>
public static class MessageRouting
{
    public static Bus BusOf(MessageType type) => type switch
    {
        MessageType.MarketData or MessageType.PriceUpdate or MessageType.TradeExecution => Bus.MarketData,
        _ when Enum.IsDefined(type) => Bus.EngineLogic,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown message type."),
    };

    /// <summary>The wire name, e.g. <c>PRICE_UPDATE</c>, as the architecture names it.</summary>
    public static string WireName(MessageType type) => type switch
    {
        MessageType.MarketData => "MARKET_DATA",
        MessageType.PriceUpdate => "PRICE_UPDATE",
        MessageType.TradeExecution => "TRADE_EXECUTION",
        MessageType.FeatureUpdate => "FEATURE_UPDATE",
        MessageType.MlPrediction => "ML_PREDICTION",
        MessageType.StrategySignal => "STRATEGY_SIGNAL",
        MessageType.OrderRequest => "ORDER_REQUEST",
        MessageType.OrderUpdate => "ORDER_UPDATE",
        MessageType.PositionChange => "POSITION_CHANGE",
        MessageType.PortfolioUpdate => "PORTFOLIO_UPDATE",
        MessageType.RiskAlert => "RISK_ALERT",
        MessageType.MarginCall => "MARGIN_CALL",
        MessageType.VpinCalculation => "VPIN_CALCULATION",
        MessageType.AnalyticsResult => "ANALYTICS_RESULT",
        MessageType.BacktestProgress => "BACKTEST_PROGRESS",
        MessageType.BacktestCompleted => "BACKTEST_COMPLETED",
        MessageType.EngineHealth => "ENGINE_HEALTH",
        MessageType.PerformanceMetric => "PERFORMANCE_METRIC",
        MessageType.PreTradeResult => "PRE_TRADE_RESULT",
        MessageType.BacktestWork => "BACKTEST_WORK",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown message type."),
    };

    private static readonly Dictionary<string, MessageType> ByWireName =
        Enum.GetValues<MessageType>().ToDictionary(WireName, StringComparer.Ordinal);

    /// <summary>The message type a wire name stands for, or null for a name no type has.</summary>
    public static MessageType? FromWireName(string wireName) =>
        ByWireName.TryGetValue(wireName, out var type) ? type : null;
}
