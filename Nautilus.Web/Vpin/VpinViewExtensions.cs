using Nautilus.Vpin.Contracts;

namespace Nautilus.Web.Vpin;

public static class VpinViewExtensions
{
    /// <summary>The VPIN view reads the VPIN engine through its typed client.</summary>
    public static WebApplicationBuilder AddVpinView(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<VpinClient>(http => http.BaseAddress = new Uri(VpinClient.BaseAddress));
        return builder;
    }
}
