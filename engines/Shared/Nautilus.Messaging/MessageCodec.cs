using System.Buffers;
using MemoryPack;
using Nautilus.Contracts;

namespace Nautilus.Messaging;

/// <summary>
/// Binary encoding (MemoryPack, source-generated) of payloads and of batches of envelopes. Several envelopes share one
/// stream entry, which is what lets one publisher reach hundreds of thousands of messages a second; each keeps its
/// own id and is handled and deduplicated on its own.
/// </summary>
public static class MessageCodec
{
    public static byte[] EncodePayload<T>(T payload) => MemoryPackSerializer.Serialize(payload);

    /// <exception cref="MalformedMessageException">The payload is not a <typeparamref name="T"/>.</exception>
    public static T DecodePayload<T>(Envelope envelope)
    {
        try
        {
            return MemoryPackSerializer.Deserialize<T>(envelope.Payload) ?? throw new MalformedMessageException("empty payload");
        }
        catch (MemoryPackSerializationException ex)
        {
            throw new MalformedMessageException(ex.Message, ex);
        }
    }

    public static byte[] EncodeBatch(IReadOnlyList<Envelope> envelopes) =>
        MemoryPackSerializer.Serialize(envelopes as Envelope[] ?? envelopes.ToArray());

    /// <summary>Appends the batch to what the writer holds (e.g. after a header of the caller's own).</summary>
    public static void EncodeBatch(IBufferWriter<byte> writer, IReadOnlyList<Envelope> envelopes) =>
        MemoryPackSerializer.Serialize(writer, envelopes as Envelope[] ?? envelopes.ToArray());

    /// <exception cref="MalformedMessageException">The bytes are not a batch of envelopes.</exception>
    public static Envelope[] DecodeBatch(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var batch = MemoryPackSerializer.Deserialize<Envelope[]>(bytes);
            return batch is { Length: > 0 } && Array.TrueForAll(batch, e => e is not null)
                ? batch
                : throw new MalformedMessageException("empty batch");
        }
        catch (MemoryPackSerializationException ex)
        {
            throw new MalformedMessageException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
        {
            // Random bytes can drive a binary decoder into any of these; all mean the same: not our format.
            throw new MalformedMessageException(ex.Message, ex);
        }
    }
}

/// <summary>A stream entry that cannot be read as envelopes; it goes to the dead-letter stream, never to a handler.</summary>
public sealed class MalformedMessageException(string reason, Exception? inner = null)
    : Exception($"malformed entry: {reason}", inner);
