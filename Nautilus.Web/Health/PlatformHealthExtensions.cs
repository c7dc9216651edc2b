namespace Nautilus.Web.Health;

public static class PlatformHealthExtensions
{
    public static WebApplicationBuilder AddPlatformHealth(this WebApplicationBuilder builder)
    {
        // The health view must show what is true now: no retries or hedging hiding a failing engine.
#pragma warning disable EXTEXP0001 // experimental API; the only way to drop the defaults' handler for one client
        builder.Services.AddHttpClient(PlatformHealthMonitor.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<PlatformHealthMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PlatformHealthMonitor>());
        return builder;
    }
}
