using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;
using Nautilus.Vpin.Engine.Apis;
using Nautilus.Vpin.Engine.Handlers;
using Nautilus.Vpin.Engine.Persistence;
using Nautilus.Vpin.Engine.State;

namespace Nautilus.Vpin.Engine.Extensions;

public static class VpinExtensions
{
    /// <summary>Its schema; the live flows fed by the tape (trades, quotes, books from the marketdata-bus); the writer; metrics.</summary>
    public static WebApplicationBuilder AddVpin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(VpinRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<VpinOptions>(VpinOptions.Section);
        services.AddSingleton<VpinRepository>();
        services.AddSingleton<VpinMetrics>();
        // Average daily volume from MarketData's stored daily bars (it owns them) sizes the buckets.
        services.AddHttpClient(BucketSizing.HttpClientName, http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        services.AddSingleton<BucketSizing>();
        services.AddSingleton<VpinOutbox>();
        services.AddHostedService<VpinWriter>();
        services.AddSingleton<LiveFlows>();
        services.AddMessageHandler<MarketDataEvent, MarketDataHandler>();
        return builder;
    }

    public static WebApplication MapVpin(this WebApplication app)
    {
        app.MapVpinCalculationsApi();
        app.MapVpinLiveApi();
        return app;
    }
}
