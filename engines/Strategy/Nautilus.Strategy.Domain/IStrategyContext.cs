using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;

namespace Nautilus.Strategy.Domain;

/// <summary>
/// Everything a strategy may see and do: the clock (simulated in backtests), its portfolio's cash, equity and positions,
/// its instruments, orders (submit, modify, cancel), timers and signals. The backtester and the Strategy engine each
/// implement it; a strategy cannot tell them apart.
/// </summary>
public interface IStrategyContext
{
    TimeProvider Clock { get; }

    UnixNanos Now { get; }

    PortfolioId Portfolio { get; }

    /// <summary>Cash of its portfolio's account.</summary>
    decimal Cash { get; }

    /// <summary>Cash plus positions at their latest prices.</summary>
    double Equity { get; }

    /// <summary>Signed quantity held in the instrument (positive long).</summary>
    decimal PositionOf(InstrumentId instrument);

    TradableInstrument Instrument(InstrumentId instrument);

    /// <summary>Its orders still working or waiting for the pre-trade check.</summary>
    IReadOnlyCollection<Order> OpenOrders { get; }

    ClientOrderId Submit(StrategyOrder order);

    void Modify(ClientOrderId order, Quantity? quantity = null, Price? limitPrice = null, Price? triggerPrice = null);

    void Cancel(ClientOrderId order);

    /// <summary>Calls <c>OnTimer(name)</c> every <paramref name="interval"/> of the context's clock from now.</summary>
    void SetTimer(string name, TimeSpan interval);

    void CancelTimer(string name);

    /// <summary>Publishes the strategy's view of an instrument, −1 (short) to +1 (long).</summary>
    void Signal(InstrumentId instrument, double strength, string reason);
}
