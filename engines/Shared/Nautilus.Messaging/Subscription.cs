using Nautilus.Contracts;
using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>What a handler learns besides the payload: the envelope, and whether this is a redelivery (a struct: one per message).</summary>
public readonly record struct MessageContext(Envelope Envelope, bool Redelivered, int Attempt);

/// <summary>A handler of one message type, run by <see cref="MessageConsumer"/> in the service's consumer group.</summary>
public sealed class Subscription
{
    private Subscription(MessageType type, Func<Envelope, MessageContext, CancellationToken, ValueTask> handle, Func<Envelope, bool>? wants)
    {
        Type = type;
        Handle = handle;
        Wants = wants;
    }

    public MessageType Type { get; }

    public Func<Envelope, MessageContext, CancellationToken, ValueTask> Handle { get; }

    /// <summary>
    /// Which envelopes the handler wants, judged before the payload is decoded (null: all). The others are acknowledged
    /// with the rest and counted as passed over; a filter should say true when it cannot tell (a malformed payload then
    /// reaches the handler and is dead-lettered like any other).
    /// </summary>
    public Func<Envelope, bool>? Wants { get; }

    public static Subscription For<T>(Func<T, MessageContext, CancellationToken, ValueTask> handler, Func<Envelope, bool>? wants = null)
        where T : IMessage =>
        new(T.Type, (envelope, context, ct) => handler(MessageCodec.DecodePayload<T>(envelope), context, ct), wants);

    /// <summary>For a router that passes envelopes on without reading their payloads (the WebSocket gateway).</summary>
    public static Subscription ForEnvelopes(MessageType type, Func<Envelope, MessageContext, CancellationToken, ValueTask> handler) =>
        new(type, handler, null);
}
