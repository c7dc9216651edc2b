using Nautilus.Vpin.Engine.Apis;

namespace Nautilus.Vpin.Engine.Extensions;

public static class VpinExtensions
{
    public static WebApplication MapVpin(this WebApplication app)
    {
        app.MapVpinCalculationsApi();
        return app;
    }
}
