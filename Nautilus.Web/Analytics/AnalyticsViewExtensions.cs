using Nautilus.Analytics.Contracts;

namespace Nautilus.Web.Analytics;

public static class AnalyticsViewExtensions
{
    /// <summary>The Analytics view reads the Analytics engine through its typed client (service discovery).</summary>
    public static WebApplicationBuilder AddAnalyticsView(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<AnalyticsClient>(http => http.BaseAddress = new Uri(AnalyticsClient.BaseAddress));
        return builder;
    }
}
