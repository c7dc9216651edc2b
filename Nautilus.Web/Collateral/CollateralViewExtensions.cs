using Nautilus.Collateral.Contracts;

namespace Nautilus.Web.Collateral;

public static class CollateralViewExtensions
{
    /// <summary>The Collateral view reads the Collateral engine through its typed client.</summary>
    public static WebApplicationBuilder AddCollateralView(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<CollateralClient>(http => http.BaseAddress = new Uri(CollateralClient.BaseAddress));
        return builder;
    }
}
