using System.Net.WebSockets;

namespace Nautilus.Platform;

/// <summary>Reading whole WebSocket messages, the same way on the gateway, in the UI and in tests.</summary>
public static class WebSocketFrames
{
    /// <summary>
    /// Receives one message into <paramref name="buffer"/>. <c>Complete</c> is false when the message did not fit;
    /// <c>Type</c> is Close when the peer is closing.
    /// </summary>
    public static async Task<(int Length, WebSocketMessageType Type, bool Complete)> ReceiveAsync(
        WebSocket socket, byte[] buffer, CancellationToken ct)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
            length += result.Count;
        }
        while (!result.EndOfMessage && length < buffer.Length);

        return (length, result.MessageType, result.EndOfMessage);
    }
}
