using Xunit;

namespace Nautilus.Testing;

/// <summary>
/// Waits for a condition the system must reach by polling it, with a deadline that fails the test saying what was
/// awaited: the one way tests wait (never a fixed sleep).
/// </summary>
internal static class Eventually
{
    /// <summary>Polls an in-process condition every 10 ms; at the deadline fails with what <paramref name="state"/> says then.</summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await PauseAsync(TimeSpan.FromMilliseconds(10), deadline, timeout, what, state);
        }
    }

    /// <summary>
    /// Polls a condition that asks a server (every 250 ms); a server not answering yet, or a request that timed out
    /// before the deadline, counts as "not yet".
    /// </summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
            }

            await PauseAsync(TimeSpan.FromMilliseconds(250), deadline, timeout, what, null);
        }
    }

    private static async Task PauseAsync(TimeSpan pause, CancellationTokenSource deadline, TimeSpan timeout, string what, Func<string>? state)
    {
        try
        {
            await Task.Delay(pause, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Not reached within {timeout.TotalSeconds:F0} s: {what}{(state is null ? "" : $" ({state()})")}");
        }
    }
}
