using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nautilus.Model;
using Nautilus.Vpin.Domain;
using Nautilus.Vpin.Engine.Extensions;

namespace Nautilus.Vpin.Engine.State;

/// <summary>
/// The tape of every instrument as it arrives: its recent quotes, and how well each classification rule names the aggressor
/// the tape reports (the simulator and most venues print it).
/// </summary>
public sealed class LiveFlows(IOptions<VpinOptions> options)
{
    private readonly long _delayNanos = options.Value.QuoteDelay.Ticks * 100;
    private readonly ConcurrentDictionary<string, Flow> _flows = new(StringComparer.Ordinal);

    public void OnQuote(QuoteTick quote)
    {
        var flow = FlowOf(quote.InstrumentId.Symbol);
        lock (flow)
        {
            flow.Quotes.Add(quote.TsEvent.Value, quote.BidPrice.AsDouble(), quote.AskPrice.AsDouble());
        }
    }

    public void OnTrade(TradeTick trade)
    {
        var flow = FlowOf(trade.InstrumentId.Symbol);
        lock (flow)
        {
            var (bid, ask) = flow.Quotes.InForceAt(trade.TsEvent.Value - _delayNanos);
            flow.Accuracy.Add(trade.Price.AsDouble(), bid, ask, trade.Aggressor);
        }
    }

    /// <summary>Each instrument's trades judged and each rule's accuracy, by symbol.</summary>
    public IReadOnlyList<(string Symbol, long Trades, IReadOnlyList<(ClassificationMethod Method, double Accuracy, double Unknown)> Rules)>
        Accuracy() =>
        [.. _flows.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
        {
            lock (f.Value)
            {
                return (f.Key, f.Value.Accuracy.Trades, f.Value.Accuracy.Shares());
            }
        })];

    private Flow FlowOf(string symbol) => _flows.GetOrAdd(symbol, _ => new Flow());

    private sealed class Flow
    {
        public QuoteHistory Quotes { get; } = new();

        public ClassificationAccuracy Accuracy { get; } = new();
    }
}
