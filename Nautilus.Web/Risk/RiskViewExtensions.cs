using Nautilus.Risk.Contracts;

namespace Nautilus.Web.Risk;

public static class RiskViewExtensions
{
    /// <summary>The Risk view reads and changes the Risk engine through its typed client (service discovery).</summary>
    public static WebApplicationBuilder AddRiskView(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<RiskClient>(http => http.BaseAddress = new Uri(RiskClient.BaseAddress));
        return builder;
    }
}
