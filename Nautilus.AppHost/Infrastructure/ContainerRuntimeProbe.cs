using System.Diagnostics;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Asks the container runtime Aspire would use (docker unless ASPIRE_CONTAINER_RUNTIME says podman) whether its daemon answers.</summary>
public static class ContainerRuntimeProbe
{
    public static bool IsHealthy(string? runtime, TimeSpan timeout)
    {
        runtime = string.IsNullOrWhiteSpace(runtime) ? "docker" : runtime;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0 && !string.IsNullOrWhiteSpace(output.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // the client binary is not installed
        }
    }
}
