using Nautilus.Factor.Contracts;

namespace Nautilus.Web.Factor;

public static class FactorViewExtensions
{
    /// <summary>The Factor view reads the Factor engine through its typed client.</summary>
    public static WebApplicationBuilder AddFactorView(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<FactorClient>(http => http.BaseAddress = new Uri(FactorClient.BaseAddress));
        return builder;
    }
}
