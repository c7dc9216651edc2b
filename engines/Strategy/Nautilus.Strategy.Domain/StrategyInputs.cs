using Nautilus.Model;

namespace Nautilus.Strategy.Domain;

/// <summary>Feature values of one bar series at a bar's close (the Features engine's FEATURE_UPDATE, or VPIN as "vpin").</summary>
public sealed record FeatureValues(InstrumentId InstrumentId, UnixNanos TsEvent, IReadOnlyDictionary<string, double> Values);

/// <summary>A model's forecast for one instrument over a horizon (ML_PREDICTION).</summary>
public sealed record Prediction(string ModelId, InstrumentId InstrumentId, TimeSpan Horizon, double Value, double Confidence,
    UnixNanos TsEvent);

/// <summary>
/// An order as a strategy asks for it; the context adds its id, the strategy and the portfolio. Orders of one
/// <see cref="ListId"/> form a bracket (see <c>OrderSpec</c>).
/// </summary>
public sealed record StrategyOrder(
    InstrumentId InstrumentId,
    OrderSide Side,
    Quantity Quantity,
    OrderType Type = OrderType.Market,
    Price? LimitPrice = null,
    Price? TriggerPrice = null,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    UnixNanos? ExpireTime = null,
    OrderListId? ListId = null,
    Execution.Domain.Orders.Contingency Contingency = Execution.Domain.Orders.Contingency.None,
    ClientOrderId? Parent = null);
