using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nautilus.Analytics.Engine.Apis;

namespace Nautilus.Analytics.Engine.Extensions;

public static class AnalyticsExtensions
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AnalyticsMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AnalyticsMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapAnalytics(this WebApplication app)
    {
        app.MapAnalyticsCalculationsApi();
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
