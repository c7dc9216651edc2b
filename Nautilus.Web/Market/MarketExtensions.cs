namespace Nautilus.Web.Market;

public static class MarketExtensions
{
    public static WebApplicationBuilder AddMarket(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(MarketStream.MarketDataClient, http => http.BaseAddress = new Uri("https+http://marketdata-engine"));
        builder.Services.AddSingleton<MarketStream>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MarketStream>());
        builder.Services.AddSingleton<MarketFeedClient>();
        return builder;
    }
}
