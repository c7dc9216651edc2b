using System.Diagnostics;
using System.Text.Json;
using Nautilus.Platform;
using Nautilus.Web.Buses;

namespace Nautilus.Web.Health;

/// <summary>
/// Polls every engine's /health and /api/bus/stats through service discovery, once for the whole UI (not per browser
/// tab), and tells pages when anything changed.
/// </summary>
public sealed class PlatformHealthMonitor(IHttpClientFactory httpClients, IConfiguration configuration, ILogger<PlatformHealthMonitor> logger)
    : BackgroundService
{
    public const string HttpClientName = "engine-health";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    private volatile IReadOnlyList<EngineHealth> _engines =
        EngineCatalog.All.Select(e => EngineHealth.Pending(e, PublicUrl(configuration, e))).ToArray();

    private IReadOnlyList<BusSample> _busSamples = [];

    public event Action? Changed;

    /// <summary>Both buses' rates over the last round and their consumer backlog, summed over the engines.</summary>
    public IReadOnlyList<BusActivity> Buses { get; private set; } = BusActivity.Between([], []);

    public IReadOnlyList<EngineHealth> Engines => _engines;

    public IReadOnlyList<InfrastructureHealth> Infrastructure
    {
        get
        {
            var engines = _engines;
            return
            [
                InfrastructureHealth.From(InfrastructureNames.PostgresServer, $"PostgreSQL, database '{InfrastructureNames.Database}'", engines),
                InfrastructureHealth.From(BusNames.MarketData, "Redis, market data (star)",
                    engines.Where(e => e.Engine.Uses(Bus.MarketData)).ToArray()),
                InfrastructureHealth.From(BusNames.EngineLogic, "Redis, engine logic (mesh)",
                    engines.Where(e => e.Engine.Uses(Bus.EngineLogic)).ToArray()),
            ];
        }
    }

    public DateTimeOffset? LastRound { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            _engines = await Task.WhenAll(EngineCatalog.All.Select(e => ProbeAsync(e, stoppingToken)));
            var samples = (await Task.WhenAll(EngineCatalog.All.Select(e => SampleBusAsync(e, stoppingToken)))).OfType<BusSample>().ToArray();
            Buses = BusActivity.Between(_busSamples, samples);
            _busSamples = samples;
            LastRound = DateTimeOffset.UtcNow;
            try
            {
                Changed?.Invoke();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A health subscriber failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<EngineHealth> ProbeAsync(EngineDescriptor engine, CancellationToken stoppingToken)
    {
        var publicUrl = PublicUrl(configuration, engine);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            // "https+http" lets service discovery pick https where the engine offers it.
            using var response = await client.GetAsync($"https+http://{engine.Name}{EndpointPaths.Health}", timeout.Token);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return EngineHealth.From(engine, await HealthResponse.ReadAsync(body, timeout.Token), elapsed, DateTimeOffset.UtcNow, publicUrl);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or InvalidOperationException)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            return EngineHealth.Pending(engine, publicUrl) with
            {
                Status = ServiceStatus.Unreachable,
                CheckedAt = DateTimeOffset.UtcNow,
                Error = ex is OperationCanceledException ? "no answer within 3 s" : ex.Message,
            };
        }
    }

    private async Task<BusSample?> SampleBusAsync(EngineDescriptor engine, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync($"https+http://{engine.Name}/api/bus/stats", timeout.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var report = await JsonSerializer.DeserializeAsync<BusStatsReport>(body, JsonSerializerOptions.Web, timeout.Token)
                ?? throw new JsonException("An empty /api/bus/stats answer.");
            return BusSample.From(engine, DateTimeOffset.UtcNow, report);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested &&
                                   ex is HttpRequestException or OperationCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            // An engine that is down is shown by its health; its bus counters just drop out of this round.
            return null;
        }
    }

    /// <summary>The address a browser uses for the engine, from the service-discovery entries Aspire injects.</summary>
    public static string? PublicUrl(IConfiguration configuration, EngineDescriptor engine) =>
        configuration[$"services:{engine.Name}:http:0"] ?? configuration[$"services:{engine.Name}:https:0"];
}
