using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Ready when the server accepts our password and answers PING, over a plain socket (no client to keep alive).</summary>
public sealed class RedisReadinessCheck(int port, Func<CancellationToken, Task<string?>> password) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            var secret = await password(timeout.Token) ?? "";
            var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(secret)}\r\n{secret}\r\n*1\r\n$4\r\nPING\r\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token);

            var text = "";
            var buffer = new byte[256];
            while (!text.Contains("PONG") && !text.Contains("-ERR") && !text.Contains("-WRONGPASS"))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }
                text += Encoding.UTF8.GetString(buffer, 0, read);
            }
            return text.Contains("+OK") && text.Contains("+PONG")
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"unexpected reply: {text.Trim()}");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(ex.Message, ex);
        }
    }
}
