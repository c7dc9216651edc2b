using static Nautilus.Platform.MessageType;

namespace Nautilus.Platform;

/// <summary>The thirteen engines (docs/architecture.md §1 and §2). AppHost, engines and the web UI all read this one list.</summary>
public static class EngineCatalog
{
    // Every engine reports its health and performance on the logic bus.
    private static MessageType[] Pub(params MessageType[] types) => [.. types, EngineHealth, PerformanceMetric];

    public static readonly EngineDescriptor Analytics = new(
        "analytics-engine", "Analytics", 8100, "performance statistics, attribution, tear sheets",
        Pub(AnalyticsResult), [TradeExecution, StrategySignal, PortfolioUpdate, OrderUpdate, OrderRequest]);

    public static readonly EngineDescriptor Backtesting = new(
        "backtesting-engine", "Backtesting", 8110, "event-driven backtests, parameter sweeps, walk-forward",
        Pub(BacktestProgress, BacktestCompleted, BacktestWork), [BacktestWork]);

    public static readonly EngineDescriptor Risk = new(
        "risk-engine", "Risk", 8200, "pre-trade checks, limits, VaR/ES, stress tests, kill switch",
        Pub(RiskAlert, PreTradeResult),
        [PriceUpdate, TradeExecution, PositionChange, PortfolioUpdate, MarginCall, VpinCalculation, OrderUpdate, OrderRequest]);

    public static readonly EngineDescriptor Factor = new(
        "factor-engine", "Factor", 8300, "cross-sectional style/sector factor model, exposures, factor risk",
        Pub(), [FeatureUpdate]);

    public static readonly EngineDescriptor Ml = new(
        "ml-engine", "ML", 8400, "model registry, training, inference",
        Pub(MlPrediction), [FeatureUpdate]);

    public static readonly EngineDescriptor Features = new(
        "features-engine", "Features", 8500, "indicators and features, streaming and on history",
        Pub(FeatureUpdate), [MarketData]);

    public static readonly EngineDescriptor WebSocket = new(
        "websocket-engine", "WebSocket", 8600, "real-time streaming gateway for clients",
        Pub(),
        // FEATURE_UPDATE too: clients chart indicators live.
        [MarketData, PriceUpdate, TradeExecution, FeatureUpdate, MlPrediction, StrategySignal, OrderUpdate, PortfolioUpdate,
         RiskAlert, MarginCall, VpinCalculation, AnalyticsResult, BacktestProgress, BacktestCompleted,
         EngineHealth, PerformanceMetric]);

    public static readonly EngineDescriptor Strategy = new(
        "strategy-engine", "Strategy", 8700, "live strategies: signals and order intents",
        Pub(StrategySignal, OrderRequest), [MarketData, FeatureUpdate, MlPrediction, VpinCalculation, OrderUpdate, TradeExecution]);

    public static readonly EngineDescriptor MarketDataEngine = new(
        "marketdata-engine", "MarketData", 8800, "feeds, normalisation, bars, book, persistence, latest prices",
        Pub(MarketData, PriceUpdate), []);

    public static readonly EngineDescriptor Portfolio = new(
        "portfolio-engine", "Portfolio", 8900, "portfolios, accounts, valuation, P&L, optimisation, rebalancing",
        Pub(PortfolioUpdate, OrderRequest), [PriceUpdate, TradeExecution, PositionChange]);

    public static readonly EngineDescriptor Collateral = new(
        "collateral-engine", "Collateral", 9000, "margin, cross-margining, margin-call forecasting, SA-CCR / SIMM",
        Pub(MarginCall), [PriceUpdate, TradeExecution, PositionChange, PortfolioUpdate]);

    public static readonly EngineDescriptor Execution = new(
        "execution-engine", "Execution", 9500, "OMS order state machine, EMS paper venue and algos, PMS positions",
        Pub(TradeExecution, OrderUpdate, PositionChange), [MarketData, StrategySignal, OrderRequest, PreTradeResult, RiskAlert]);

    public static readonly EngineDescriptor Vpin = new(
        "vpin-engine", "VPIN", 10000, "trade classification, volume buckets, VPIN, order-book toxicity",
        Pub(VpinCalculation), [MarketData]);

    /// <summary>All engines, in the order of their ports.</summary>
    public static readonly IReadOnlyList<EngineDescriptor> All =
        new[] { Analytics, Backtesting, Risk, Factor, Ml, Features, WebSocket, Strategy, MarketDataEngine, Portfolio,
                Collateral, Execution, Vpin }.OrderBy(e => e.DefaultPort).ToArray();

    public static EngineDescriptor? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
}
