namespace Nautilus.IntegrationTests;

/// <summary>Waits for a condition the system must reach, polling it, with a deadline that fails the test with a reason.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
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
                // not answering yet counts as "not yet"
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
            }

            try
            {
                await poll.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not reached within {timeout.TotalSeconds:F0} s: {what}");
            }
        }
    }
}
