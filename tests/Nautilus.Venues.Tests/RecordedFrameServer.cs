using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nautilus.Venues.Tests;

/// <summary>
/// How a recorded session ends: the venue closes the connection (close frame, "going away"), the connection drops
/// (no close frame: a TCP reset, which also loses what the client had not read yet), or it stays open and silent.
/// </summary>
public enum SessionEnd { Close, Drop, StayOpen }

/// <summary>
/// A local stand-in for a venue's market-data WebSocket: a real Kestrel server that, like Coinbase, wants a subscribe
/// message within 5 seconds, answers it with the subscriptions, then sends one recorded session's frames (the first
/// connection gets the first session, the next the second, and so on; the last repeats).
/// </summary>
public sealed class RecordedFrameServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<(string[] Frames, SessionEnd End)> _sessions;
    private int _connections;

    private RecordedFrameServer(WebApplication app, IReadOnlyList<(string[] Frames, SessionEnd End)> sessions)
    {
        _app = app;
        _sessions = sessions;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every subscribe message received, in order.</summary>
    public ConcurrentQueue<JsonElement> Subscribes { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    public static async Task<RecordedFrameServer> StartAsync(params (string[] Frames, SessionEnd End)[] sessions)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordedFrameServer(app, sessions);
        app.UseWebSockets();
        app.Map("/", server.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.Replace("http://", "ws://"));
        return server;
    }

    public static string[] ReadSession(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", file)).Where(l => l.Length > 0).ToArray();

    private async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = _sessions[Math.Min(Interlocked.Increment(ref _connections), _sessions.Count) - 1];
        var buffer = new byte[64 * 1024];
        using var subscribeWindow = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await socket.ReceiveAsync(buffer, subscribeWindow.Token);
        var subscribe = JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement.Clone();
        Subscribes.Enqueue(subscribe);
        var products = subscribe.GetProperty("product_ids").EnumerateArray().Select(p => p.GetString()).ToArray();
        var subscriptions = JsonSerializer.Serialize(new
        {
            type = "subscriptions",
            channels = subscribe.GetProperty("channels").EnumerateArray().Select(c => new { name = c.GetString(), product_ids = products }),
        });
        await SendAsync(socket, subscriptions);
        foreach (var frame in session.Frames)
        {
            await SendAsync(socket, frame);
        }

        if (session.End == SessionEnd.Close)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
            return;
        }

        if (session.End == SessionEnd.Drop)
        {
            context.Abort();
            return;
        }

        // Stay open (and silent) until the client leaves.
        try
        {
            while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    private static Task SendAsync(WebSocket socket, string frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
