using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Analytics.Engine.Apis;
using Nautilus.Analytics.Engine.Handlers;
using Nautilus.Analytics.Engine.Persistence;
using Nautilus.Analytics.Engine.Results;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;

namespace Nautilus.Analytics.Engine.Extensions;

public static class AnalyticsExtensions
{
    /// <summary>Its schema, the handlers of valuations and fills, the published results, metrics.</summary>
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(AnalyticsRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<AnalyticsOptions>(AnalyticsOptions.Section);
        services.AddSingleton<AnalyticsRepository>();
        services.AddSingleton<ResultPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ResultPublisher>());
        services.AddMessageHandler<PortfolioUpdate, PortfolioUpdateHandler>();
        services.AddMessageHandler<TradeExecution, TradeExecutionHandler>();
        services.AddMessageHandler<OrderRequest, OrderRequestHandler>();
        builder.Services.AddSingleton<AnalyticsMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AnalyticsMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapAnalytics(this WebApplication app)
    {
        app.MapAnalyticsCalculationsApi();
        app.MapTearSheetApi();
        return app;
    }
}

/// <summary>What the Analytics engine counts: reports computed by kind, and how long they took.</summary>
public sealed class AnalyticsMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Analytics";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _duration;

    public AnalyticsMetrics() =>
        _duration = _meter.CreateHistogram<double>("nautilus.analytics.calculation.duration", "ms", "Time to compute a report, by kind");

    public void Calculated(string kind, long started) =>
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("kind", kind));

    public void Dispose() => _meter.Dispose();
}
