namespace Nautilus.Contracts;

public enum MarketDataKind : byte { Trade = 1, Quote = 2, Book = 3, Bar = 4 }

public enum AggressorSide : byte { None = 0, Buyer = 1, Seller = 2 }

public enum OrderSide : byte { Buy = 1, Sell = 2 }

public enum OrderType : byte { Market = 1, Limit = 2, StopMarket = 3, StopLimit = 4 }

public enum TimeInForce : byte { Day = 1, Gtc = 2, Ioc = 3, Fok = 4 }

public enum OrderStatus : byte
{
    Initialized = 1, Denied = 2, Submitted = 3, Accepted = 4, Rejected = 5, PartiallyFilled = 6, Filled = 7,
    PendingCancel = 8, Canceled = 9, Expired = 10,
}

public enum AlertSeverity : byte { Info = 1, Warning = 2, Critical = 3 }

/// <summary>NautilusTrader's trading states: what the risk engine lets through.</summary>
public enum TradingState : byte { Active = 1, Reducing = 2, Halted = 3 }
