using Xunit;

namespace Nautilus.Testing;

internal static class Eventually
{
    /// <summary>
    /// Polls a condition the system must reach; fails with <paramref name="what"/> at the deadline, and with what
    /// <paramref name="state"/> says of the system then.
    /// </summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            try
            {
                await Task.Delay(10, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not reached within {timeout.TotalSeconds:F0} s: {what}{(state is null ? "" : $" ({state()})")}");
            }
        }
    }
}
