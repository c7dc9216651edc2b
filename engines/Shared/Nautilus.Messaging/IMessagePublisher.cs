using Nautilus.Contracts;

namespace Nautilus.Messaging;

/// <summary>Publishes typed messages; the message type decides the bus and stream.</summary>
public interface IMessagePublisher
{
    /// <summary>
    /// Queues the message for writing and returns at once while there is room. When the queue is full, a conflatable
    /// message replaces the pending one of its key; any other waits for room (back-pressure). Nothing is dropped.
    /// </summary>
    ValueTask PublishAsync<T>(T message, PublishOptions? options = null, CancellationToken cancellationToken = default)
        where T : IMessage;

    /// <summary>Completes when everything queued before the call has been written to Redis.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}

public sealed record PublishOptions(Guid? CorrelationId = null, MessagePriority Priority = MessagePriority.Normal);
