using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Vpin.Engine.Apis;
using Nautilus.Vpin.Engine.Handlers;
using Nautilus.Vpin.Engine.State;

namespace Nautilus.Vpin.Engine.Extensions;

public static class VpinExtensions
{
    /// <summary>The live flows fed by the tape (trades and quotes from the marketdata-bus).</summary>
    public static WebApplicationBuilder AddVpin(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<VpinOptions>(VpinOptions.Section);
        builder.Services.AddSingleton<LiveFlows>();
        builder.Services.AddMessageHandler<MarketDataEvent, MarketDataHandler>();
        return builder;
    }

    public static WebApplication MapVpin(this WebApplication app)
    {
        app.MapVpinCalculationsApi();
        app.MapVpinLiveApi();
        return app;
    }
}
