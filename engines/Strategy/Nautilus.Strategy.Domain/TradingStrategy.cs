using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;

namespace Nautilus.Strategy.Domain;

/// <summary>
/// A strategy: callbacks for what happens (NautilusTrader's and LEAN's event handlers) and a context to act through.
/// Indicators come from <c>Nautilus.Indicators</c>. State that must survive a restart goes through
/// <see cref="SaveState"/> and <see cref="LoadState"/>; indicators warm up again from history.
/// </summary>
public abstract class TradingStrategy
{
    private IStrategyContext? _context;

    /// <summary>Its context; set once by the host before <see cref="OnStart"/>.</summary>
    public IStrategyContext Context => _context ?? throw new InvalidOperationException("the strategy is not attached to a context");

    public StrategyId Id { get; private set; }

    /// <summary>The instruments it trades, in the order it was configured with.</summary>
    public IReadOnlyList<InstrumentId> Instruments { get; private set; } = [];

    public void Attach(StrategyId id, IReadOnlyList<InstrumentId> instruments, IStrategyContext context)
    {
        if (_context is not null)
        {
            throw new InvalidOperationException($"strategy {Id} is already attached");
        }

        (Id, Instruments, _context) = (id, instruments, context);
    }

    public virtual void OnStart()
    {
    }

    public virtual void OnBar(Bar bar)
    {
    }

    public virtual void OnQuote(QuoteTick quote)
    {
    }

    public virtual void OnTrade(TradeTick trade)
    {
    }

    public virtual void OnFeature(FeatureValues features)
    {
    }

    public virtual void OnPrediction(Prediction prediction)
    {
    }

    public virtual void OnFill(Fill fill)
    {
    }

    public virtual void OnOrderUpdate(Order order)
    {
    }

    public virtual void OnTimer(string name, UnixNanos ts)
    {
    }

    public virtual void OnStop()
    {
    }

    /// <summary>What it must remember across a restart (not its indicators: they warm up again).</summary>
    public virtual IReadOnlyDictionary<string, double> SaveState() => new Dictionary<string, double>();

    public virtual void LoadState(IReadOnlyDictionary<string, double> state)
    {
    }

    /// <summary>A market order for <paramref name="quantity"/> (signed: positive buys).</summary>
    protected ClientOrderId? SubmitMarket(InstrumentId instrument, decimal quantity)
    {
        if (quantity == 0)
        {
            return null;
        }

        var lots = Context.Instrument(instrument).LotsOf(Math.Abs(quantity));
        return lots.IsZero ? null : Context.Submit(new StrategyOrder(instrument, quantity > 0 ? OrderSide.Buy : OrderSide.Sell, lots));
    }

    /// <summary>True while an order for the instrument is working or waiting for its check.</summary>
    protected bool HasOpenOrder(InstrumentId instrument)
    {
        foreach (var order in Context.OpenOrders)
        {
            if (order.InstrumentId == instrument)
            {
                return true;
            }
        }

        return false;
    }
}
