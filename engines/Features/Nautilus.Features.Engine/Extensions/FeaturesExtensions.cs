using Nautilus.Contracts;
using Nautilus.Features.Engine.Apis;
using Nautilus.Features.Engine.Handlers;
using Nautilus.Features.Engine.Streaming;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Features.Engine.Extensions;

public static class FeaturesExtensions
{
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<MarketDataClient>(http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        builder.Services.AddSingleton<FeatureStreams>();
        builder.Services.AddMessageHandler<MarketDataEvent, MarketDataHandler>();
        return builder;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapFeaturesApi();
        return app;
    }
}
