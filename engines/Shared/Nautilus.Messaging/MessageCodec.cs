using MessagePack;
using Nautilus.Contracts;

namespace Nautilus.Messaging;

/// <summary>
/// MessagePack encoding of payloads and of batches of envelopes (several envelopes share one stream entry, which is
/// what lets one publisher reach hundreds of thousands of messages a second; each keeps its own id and is handled
/// and deduplicated on its own).
/// </summary>
public static class MessageCodec
{
    // Bus bytes come from other processes: decode them with the untrusted-data guards (depth, hash collisions).
    private static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    public static byte[] EncodePayload<T>(T payload) => MessagePackSerializer.Serialize(payload, Options);

    public static T DecodePayload<T>(Envelope envelope) =>
        MessagePackSerializer.Deserialize<T>(envelope.Payload, Options);

    public static byte[] EncodeBatch(IReadOnlyList<Envelope> envelopes) => MessagePackSerializer.Serialize(envelopes, Options);

    /// <exception cref="MalformedMessageException">The bytes are not a batch of envelopes.</exception>
    public static Envelope[] DecodeBatch(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return MessagePackSerializer.Deserialize<Envelope[]>(bytes, Options)
                ?? throw new MalformedMessageException("empty batch");
        }
        catch (MessagePackSerializationException ex)
        {
            throw new MalformedMessageException(ex.InnerException?.Message ?? ex.Message, ex);
        }
    }
}

/// <summary>A stream entry that cannot be read as envelopes; it goes to the dead-letter stream, never to a handler.</summary>
public sealed class MalformedMessageException(string reason, Exception? inner = null)
    : Exception($"malformed entry: {reason}", inner);
