using System.Text.Json.Serialization;

namespace Nautilus.Model;

// In JSON every enum of the model is its name ("Buy", "Last"), whatever the serializer's options.

[JsonConverter(typeof(JsonStringEnumConverter<OrderSide>))]
public enum OrderSide : byte { Buy = 1, Sell = 2 }

/// <summary>Which way a position faces; its quantity is carried beside it, never negative.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PositionSide>))]
public enum PositionSide : byte { Flat = 0, Long = 1, Short = 2 }

/// <summary>The side that crossed the spread to make a trade (None when the venue does not say).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AggressorSide>))]
public enum AggressorSide : byte { None = 0, Buyer = 1, Seller = 2 }

/// <summary>Which price a bar is built from: trade prints (Last), or the quotes' bid, ask or mid.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PriceType>))]
public enum PriceType : byte { Last = 1, Bid = 2, Ask = 3, Mid = 4 }

/// <summary>What an order-book delta does to its level.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookAction>))]
public enum BookAction : byte { Add = 1, Update = 2, Delete = 3, Clear = 4 }

[JsonConverter(typeof(JsonStringEnumConverter<OrderType>))]
public enum OrderType : byte { Market = 1, Limit = 2, StopMarket = 3, StopLimit = 4 }

[JsonConverter(typeof(JsonStringEnumConverter<TimeInForce>))]
public enum TimeInForce : byte { Day = 1, Gtc = 2, Ioc = 3, Fok = 4, Gtd = 5 }

/// <summary>An order's states (NautilusTrader's): the Execution engine's state machine moves between them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus : byte
{
    Initialized = 1, Denied = 2, Submitted = 3, Accepted = 4, Rejected = 5, PartiallyFilled = 6, Filled = 7,
    PendingCancel = 8, Canceled = 9, Expired = 10,
}

/// <summary>What the risk engine lets through: everything, only position-reducing orders, or nothing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TradingState>))]
public enum TradingState : byte { Active = 1, Reducing = 2, Halted = 3 }

/// <summary>
/// How toxic an instrument's order flow is by its VPIN's CDF: Toxic above the alert threshold (ELO 2012: 0.9), FlashCrash when it has
/// stayed above the extreme threshold for several buckets (ELO 2011 saw VPIN at its highs for over an hour before 6 May 2010).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ToxicityLevel>))]
public enum ToxicityLevel : byte { Normal = 0, Toxic = 1, FlashCrash = 2 }
