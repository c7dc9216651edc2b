using System.Diagnostics;

namespace Nautilus.IntegrationTests;

internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs a program to completion (killed at the deadline), with the given environment variables removed.</summary>
    public static async Task<Result> RunAsync(string program, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IEnumerable<string>? removeEnvironment = null)
    {
        var info = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in info.Environment.Keys.Where(k => removeEnvironment?.Any(r => k.StartsWith(r, StringComparison.OrdinalIgnoreCase)) == true).ToArray())
        {
            info.Environment.Remove(key);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0} s");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
