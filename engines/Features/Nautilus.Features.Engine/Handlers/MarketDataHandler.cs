using Nautilus.Contracts;
using Nautilus.Features.Engine.Streaming;
using Nautilus.Messaging;
using Nautilus.Model;

namespace Nautilus.Features.Engine.Handlers;

/// <summary>MARKET_DATA: closed bars go to the feature streams; ticks (nearly all of the stream) are passed over undecoded.</summary>
public sealed class MarketDataHandler(FeatureStreams streams) : IMessageHandler<MarketDataEvent>
{
    public bool Wants(Envelope envelope) => MarketDataEvent.PeekKind(envelope.Payload) is MarketDataKind.Bar or null;

    public ValueTask HandleAsync(MarketDataEvent message, MessageContext context, CancellationToken ct) =>
        message.Data is Bar bar ? streams.OnBarAsync(bar, context, ct) : ValueTask.CompletedTask;
}
