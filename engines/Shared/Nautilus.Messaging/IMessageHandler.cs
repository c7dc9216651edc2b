using Nautilus.Contracts;

namespace Nautilus.Messaging;

/// <summary>
/// Handles one message type in this service's consumer group: one class per consumed type (an engine's
/// <c>Handlers/</c>), registered with <see cref="MessagingServiceCollectionExtensions.AddMessageHandler{T, THandler}"/>.
/// A handler decodes nothing itself and computes nothing: it passes the message to the domain and publishes what comes
/// back. Testable without Redis: call <see cref="HandleAsync"/> with a context.
/// </summary>
public interface IMessageHandler<in T> where T : IMessage
{
    ValueTask HandleAsync(T message, MessageContext context, CancellationToken ct);

    /// <summary>
    /// Whether this envelope is wanted, judged before its payload is decoded (the others are acknowledged and counted
    /// as passed over). Say true when the bytes cannot tell: a malformed payload then reaches the decoder and is
    /// dead-lettered like any other.
    /// </summary>
    bool Wants(Envelope envelope) => true;
}
