using Nautilus.Portfolio.Contracts;

namespace Nautilus.Web.Portfolio;

public static class PortfolioViewExtensions
{
    /// <summary>The Portfolio view reads the Portfolio engine through its typed client and stored closes through MarketData.</summary>
    public static WebApplicationBuilder AddPortfolioViews(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<PortfolioClient>(http => http.BaseAddress = new Uri(PortfolioClient.BaseAddress));
        builder.Services.AddScoped<StoredCloses>();
        return builder;
    }
}
