using Nautilus.Contracts;
using Nautilus.Features.Engine.Apis;
using Nautilus.Messaging;

namespace Nautilus.Features.Engine.Streaming;

public static class FeaturesServiceExtensions
{
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<BarHistoryClient>(http => http.BaseAddress = new Uri(BarHistoryClient.BaseAddress));
        builder.Services.AddSingleton<FeatureStreams>();
        builder.Services.AddSubscription<MarketDataEvent>(sp => sp.GetRequiredService<FeatureStreams>().OnMarketDataAsync);
        return builder;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapFeaturesApi();
        return app;
    }
}
