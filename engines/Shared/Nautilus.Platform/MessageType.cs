namespace Nautilus.Platform;

/// <summary>Every message type that crosses a bus (docs/architecture.md §2).</summary>
public enum MessageType
{
    MarketData,
    PriceUpdate,
    TradeExecution,
    FeatureUpdate,
    MlPrediction,
    StrategySignal,
    OrderRequest,
    OrderUpdate,
    PositionChange,
    PortfolioUpdate,
    RiskAlert,
    MarginCall,
    VpinCalculation,
    AnalyticsResult,
    BacktestProgress,
    BacktestCompleted,
    EngineHealth,
    PerformanceMetric,
    PreTradeResult,
    BacktestWork,
}
