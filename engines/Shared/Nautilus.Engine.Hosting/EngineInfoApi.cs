using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Nautilus.Platform;

namespace Nautilus.Engine.Hosting;

public static class EngineInfoApi
{
    public static IEndpointRouteBuilder MapEngineInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(EndpointPaths.Info, GetInfo)
            .WithName("GetEngineInfo")
            .WithTags("Engine")
            .WithSummary("Name, version, listening port and the message types this engine publishes and consumes.");
        return app;
    }

    public static Ok<EngineInfo> GetInfo(EngineDescriptor engine, IServer server, HttpContext context)
    {
        // The port actually bound (configuration may move it), not the catalog default.
        var port = context.Connection.LocalPort;
        if (port == 0)
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            port = address is null ? engine.DefaultPort : new Uri(address.Replace("*", "localhost").Replace("+", "localhost")).Port;
        }

        return TypedResults.Ok(new EngineInfo(
            engine.Name,
            engine.DisplayName,
            ServiceVersion.Current,
            port,
            engine.Owns,
            engine.Buses.Select(BusNames.Of).ToArray(),
            engine.Publishes.Select(MessageRouting.WireName).ToArray(),
            engine.Consumes.Select(MessageRouting.WireName).ToArray()));
    }
}
