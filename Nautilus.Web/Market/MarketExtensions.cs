using Nautilus.MarketData.Contracts;
using Nautilus.Platform;

namespace Nautilus.Web.Market;

public static class MarketExtensions
{
    public static WebApplicationBuilder AddMarket(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GatewayConnectionOptions>(GatewayConnectionOptions.Section);
        builder.Services.AddHttpClient(MarketStream.MarketDataHttp, http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        // Tick-file uploads stream up to 64 MB from the browser: the default pipeline's 10 s attempt timeout would cut
        // them off, and its retries cannot resend a stream that was read once.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; it is the only way to opt one client out of the defaults.
        builder.Services.AddHttpClient(MarketFeedClient.UploadClient, http =>
            {
                http.BaseAddress = new Uri(MarketDataClient.BaseAddress);
                http.Timeout = TimeSpan.FromMinutes(10);
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<MarketStream>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MarketStream>());
        builder.Services.AddSingleton<MarketFeedClient>();
        return builder;
    }
}
