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
        // Features are computed on bars: the ticks (nearly all of MARKET_DATA) are passed over before being decoded.
        builder.Services.AddSubscription<MarketDataEvent>(sp => sp.GetRequiredService<FeatureStreams>().OnMarketDataAsync,
            wants: envelope => MarketDataEvent.PeekKind(envelope.Payload) is MarketDataKind.Bar or null);
        return builder;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapFeaturesApi();
        return app;
    }
}
