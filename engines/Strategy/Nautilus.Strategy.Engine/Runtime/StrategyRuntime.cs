using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;
using Nautilus.Strategy.Contracts;
using Nautilus.Strategy.Domain.Catalog;
using Nautilus.Strategy.Engine.Extensions;
using Nautilus.Strategy.Engine.Persistence;

namespace Nautilus.Strategy.Engine.Runtime;

/// <summary>A lifecycle move the deployment's status forbids (starting a running strategy, deleting one that runs).</summary>
public sealed class LifecycleException(string message) : InvalidOperationException(message);

/// <summary>
/// The deployed strategies: deploy, start (warmed up on stored bars), pause, stop, new parameters, delete; events routed to
/// the hosts of their instrument (or, for fills and order updates, of their order's id), and what the hosts produce
/// published, sent to the Execution engine, stored. At start-up the stored deployments come back with their state, their
/// working orders mirrored from the Execution engine, the running ones warmed up and running again.
/// </summary>
public sealed class StrategyRuntime(
    StorageState storage,
    StrategyRepository repository,
    InstrumentDirectory instruments,
    MarketDataClient marketData,
    ExecutionClient execution,
    IMessagePublisher publisher,
    IOptions<StrategyEngineOptions> options,
    StrategyEngineMetrics metrics,
    TimeProvider clock,
    ILogger<StrategyRuntime> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, StrategyHost> _hosts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile HashSet<string> _symbols = new(StringComparer.Ordinal);

    /// <summary>Whether a deployed strategy trades <paramref name="symbol"/> (read for every message on the bus).</summary>
    public bool Trades(string symbol) => _symbols.Contains(symbol);

    private void Index() =>
        _symbols = new HashSet<string>(_hosts.Values.SelectMany(h => h.Symbols.Select(s => s.Symbol)), StringComparer.Ordinal);

    public Task Ready => _ready.Task;

    public IEnumerable<StrategyHost> Hosts => _hosts.Values.OrderBy(h => h.Id, StringComparer.Ordinal);

    public StrategyHost? Find(string id) => _hosts.GetValueOrDefault(id);

    public async Task<StrategyHost> DeployAsync(StrategyDeployment deployment, CancellationToken ct)
    {
        var definition = StrategyCatalog.Get(deployment.Strategy);
        if (deployment.Symbols is not { Count: > 0 })
        {
            throw new StrategyConfigurationException("symbols", "name at least one symbol to trade");
        }

        var parameters = StrategyCatalog.Resolve(definition, deployment.Parameters, deployment.Symbols.Count);
        var tradable = new List<TradableInstrument>();
        for (var i = 0; i < deployment.Symbols.Count; i++)
        {
            tradable.Add(await instruments.GetAsync(deployment.Symbols[i], ct)
                ?? throw new StrategyConfigurationException($"symbols[{i}]", $"unknown instrument '{deployment.Symbols[i]}'"));
        }

        if (deployment.Interval <= 0)
        {
            throw new StrategyConfigurationException("interval", $"{deployment.Interval}: seconds per bar, positive");
        }

        if (deployment.Capital <= 0)
        {
            throw new StrategyConfigurationException("capital", $"{deployment.Capital}: must be positive");
        }

        if (deployment.WarmUpBars is < 0 or > 100_000)
        {
            throw new StrategyConfigurationException("warmUpBars", $"{deployment.WarmUpBars}: 0 to 100,000");
        }

        var id = deployment.Id ?? $"{definition.Name}-{Guid.NewGuid():N}"[..(definition.Name.Length + 9)];
        if (id.Length > 40 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new StrategyConfigurationException("id", "1 to 40 letters, digits, '-' or '_'");
        }

        try
        {
            _ = new PortfolioId(deployment.PortfolioId);
        }
        catch (ArgumentException ex)
        {
            throw new StrategyConfigurationException("portfolioId", ex.Message);
        }

        var now = clock.GetUtcNow();
        var row = new DeploymentRow(id, definition.Name, new Dictionary<string, double>(parameters.Values),
            [.. tradable.Select(t => t.Id.Symbol)],
            deployment.PortfolioId, deployment.Interval, deployment.Capital, deployment.WarmUpBars, DeploymentStatus.Deployed, [],
            deployment.Capital, [], 0, now, now);
        if (!await repository.CreateAsync(row, ct))
        {
            throw new LifecycleException($"a strategy '{id}' is already deployed");
        }

        var host = new StrategyHost(row, definition, tradable);
        _hosts[id] = host;
        Index();
        metrics.Deployed(definition.Name);
        return host;
    }

    public async Task<StrategyHost> StartAsync(string id, CancellationToken ct)
    {
        var host = Get(id);
        if (host.Status == DeploymentStatus.Running)
        {
            throw new LifecycleException($"{id} is already running");
        }

        if (host.Status != DeploymentStatus.Paused)
        {
            // From deployed or stopped: indicators warm up on the stored bars first.
            await WarmUpAsync(host, ct);
        }

        await repository.SaveAsync(host.SetStatus(DeploymentStatus.Running, clock.GetUtcNow()), ct);
        return host;
    }

    public async Task<StrategyHost> PauseAsync(string id, CancellationToken ct) =>
        await MoveAsync(id, DeploymentStatus.Paused, [DeploymentStatus.Running], ct);

    public async Task<StrategyHost> StopAsync(string id, CancellationToken ct) =>
        await MoveAsync(id, DeploymentStatus.Stopped, [DeploymentStatus.Running, DeploymentStatus.Paused], ct);

    public async Task<StrategyHost> SetParametersAsync(string id, Dictionary<string, double> parameters, CancellationToken ct)
    {
        var host = Get(id);
        if (host.Status == DeploymentStatus.Running)
        {
            throw new LifecycleException($"{id} is running: pause or stop it before changing its parameters");
        }

        var view = host.View();
        var definition = StrategyCatalog.Get(view.Strategy);
        var resolved = StrategyCatalog.Resolve(definition, parameters, view.Symbols.Count);
        await repository.SaveAsync(host.SetParameters(definition, new Dictionary<string, double>(resolved.Values), clock.GetUtcNow()), ct);
        return host;
    }

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var host = Get(id);
        if (host.Status is DeploymentStatus.Running or DeploymentStatus.Paused)
        {
            throw new LifecycleException($"{id} is {host.Status}: stop it before deleting it");
        }

        await repository.DeleteAsync(id, ct);
        _hosts.TryRemove(id, out _);
        Index();
    }

    /// <summary>Market data to the hosts trading its instrument.</summary>
    public async Task OnMarketDataAsync(IMarketData data, CancellationToken ct)
    {
        foreach (var host in _hosts.Values)
        {
            if (!host.Symbols.Contains(data.InstrumentId))
            {
                continue;
            }

            var output = data is Bar bar ? host.OnBar(bar) : host.OnTick(data);
            await ActAsync(host, output, ct);
        }
    }

    public async Task ForHostsOfAsync(InstrumentId instrument, Func<StrategyHost, HostOutput> handle, CancellationToken ct)
    {
        foreach (var host in _hosts.Values.Where(h => h.Symbols.Contains(instrument)))
        {
            await ActAsync(host, handle(host), ct);
        }
    }

    /// <summary>An event about an order: to the host whose id prefixes it (<c>{deployment}-{n}</c>).</summary>
    public async Task ForOrderAsync(ClientOrderId order, Func<StrategyHost, HostOutput> handle, CancellationToken ct)
    {
        var cut = order.Value.LastIndexOf('-');
        if (cut > 0 && _hosts.TryGetValue(order.Value[..cut], out var host))
        {
            await ActAsync(host, handle(host), ct);
        }
    }

    private async Task ActAsync(StrategyHost host, HostOutput output, CancellationToken ct)
    {
        if (ReferenceEquals(output, HostOutput.None))
        {
            return;
        }

        foreach (var order in output.Orders)
        {
            await publisher.PublishAsync(order, cancellationToken: ct);
            logger.LogInformation("{Strategy} sent {Order}: {Side} {Quantity} {Instrument} {Type} at {Time}", host.Id, order.ClientOrderId,
                order.Side, order.Quantity, order.InstrumentId, order.OrderType, order.TsEvent);
        }

        foreach (var signal in output.Signals)
        {
            await publisher.PublishAsync(signal, cancellationToken: ct);
        }

        metrics.Sent(host.Id, output.Orders.Count, output.Signals.Count);
        foreach (var (order, quantity, limit, trigger, cancel) in output.Requests)
        {
            try
            {
                if (cancel)
                {
                    await execution.CancelAsync(order, ct);
                }
                else
                {
                    await execution.ModifyAsync(order, new OrderModification(quantity, limit, trigger), ct);
                }
            }
            catch (Exception ex) when (ex is ExecutionRequestException or HttpRequestException)
            {
                // A cancel that lost the race to a fill, or the Execution engine away: the order's own updates tell the strategy.
                logger.LogWarning("{Strategy}: {Request} of {Order} not done: {Reason}", host.Id, cancel ? "cancel" : "modify", order,
                    ex.Message);
            }
        }

        foreach (var fill in output.Fills)
        {
            await repository.AddFillAsync(fill, ct);
        }

        if (output.Changed && host.Dirty(clock.GetUtcNow()) is { } row)
        {
            await repository.SaveAsync(row, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        HotPathWarmUp.Run(clock);
        await storage.Migrated.WaitAsync(stoppingToken);
        await StorageFailure.RetryWhileAwayAsync(RestoreAsync, ex => logger.LogWarning("Deployments not restored yet: {Error}", ex.Message),
            stoppingToken);
        _ready.TrySetResult();
    }

    private async Task RestoreAsync(CancellationToken ct)
    {
        IReadOnlyList<ExecutionOrder> working = [];
        try
        {
            working = await execution.OrdersAsync(openOnly: true, limit: 5_000, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRequestException)
        {
            logger.LogWarning("Working orders not mirrored (the Execution engine did not answer): {Reason}", ex.Message);
        }

        foreach (var row in await repository.ListAsync(ct))
        {
            var tradable = new List<TradableInstrument>();
            foreach (var symbol in row.Symbols)
            {
                if (await instruments.GetAsync(symbol, ct) is { } instrument)
                {
                    tradable.Add(instrument);
                }
            }

            if (tradable.Count != row.Symbols.Length)
            {
                logger.LogWarning("{Strategy} not restored: an instrument of {Symbols} is no longer in the master", row.Id,
                    string.Join(", ", row.Symbols));
                continue;
            }

            var host = new StrategyHost(row, StrategyCatalog.Get(row.Strategy), tradable);
            foreach (var order in working.Where(o => o.StrategyId == row.Id))
            {
                var instrument = tradable.First(t => t.Id.Symbol == order.Symbol);
                host.Mirror(new OrderSpec(new ClientOrderId(order.ClientOrderId), new StrategyId(row.Id),
                    new PortfolioId(order.PortfolioId),
                        instrument.Id, Enum.Parse<OrderSide>(order.Side), Enum.Parse<OrderType>(order.Type),
                        Quantity.FromDecimal(order.Quantity, instrument.SizePrecision),
                        order.LimitPrice is { } l ? Price.FromDecimal(l, instrument.PricePrecision) : null,
                        order.TriggerPrice is { } t ? Price.FromDecimal(t, instrument.PricePrecision) : null,
                            Enum.Parse<TimeInForce>(order.TimeInForce)),
                    Enum.Parse<OrderStatus>(order.Status), Quantity.FromDecimal(order.Filled, instrument.SizePrecision), order.AveragePrice,
                    UnixNanos.From(order.CreatedAt));
            }

            _hosts[row.Id] = host;
            Index();
            if (row.Status is DeploymentStatus.Running or DeploymentStatus.Paused)
            {
                await WarmUpAsync(host, ct);
            }
        }

        logger.LogInformation("{Count} deployed strategies restored", _hosts.Count);
    }

    /// <summary>The last <c>warmUpBars</c> stored bars of each instrument, in time order, through the strategy with orders
    /// refused.</summary>
    private async Task WarmUpAsync(StrategyHost host, CancellationToken ct)
    {
        var bars = await HistoryAsync(host, ct);
        if (bars.Count > 0)
        {
            await ActAsync(host, host.WarmUp(bars), ct);
            logger.LogInformation("{Strategy} warmed up on {Bars} stored bars", host.Id, bars.Count);
        }
    }

    private async Task<IReadOnlyList<Bar>> HistoryAsync(StrategyHost host, CancellationToken ct)
    {
        var count = Math.Min(options.Value.WarmUpBarsCap, host.WarmUpBars);
        if (count == 0)
        {
            return [];
        }

        var to = clock.GetUtcNow();
        var bars = new List<Bar>();
        foreach (var instrument in host.Symbols)
        {
            try
            {
                // The last stored bars, however old: a window of calendar time (room for nights, weekends, holidays), widened
                // until it holds enough.
                IReadOnlyList<Bar> stored = [];
                foreach (var widen in new[] { 3, 30, 300, 3_000 })
                {
                    var span = TimeSpan.FromSeconds(Math.Min((double)host.Interval * count * widen,
                        (to - DateTimeOffset.UnixEpoch).TotalSeconds));
                    stored = await marketData.GetAllBarsAsync(instrument.Symbol, host.Interval, to - span, to, maxBars: 1_000_000, ct);
                    if (stored.Count >= count || to - span <= DateTimeOffset.UnixEpoch)
                    {
                        break;
                    }
                }

                bars.AddRange(stored.TakeLast(count));
            }
            catch (Exception ex) when (ex is HttpRequestException or MarketDataRequestException)
            {
                logger.LogWarning("{Strategy}: no warm-up bars of {Symbol}: {Reason}", host.Id, instrument.Symbol, ex.Message);
            }
        }

        return [.. bars.OrderBy(b => b.TsClose.Value).ThenBy(b => host.Symbols.ToList().IndexOf(b.InstrumentId))];
    }

    private async Task<StrategyHost> MoveAsync(string id, string status, string[] from, CancellationToken ct)
    {
        var host = Get(id);
        if (!from.Contains(host.Status))
        {
            throw new LifecycleException($"{id} is {host.Status}: it cannot become {status}");
        }

        await repository.SaveAsync(host.SetStatus(status, clock.GetUtcNow()), ct);
        return host;
    }

    private StrategyHost Get(string id) => _hosts.GetValueOrDefault(id) ?? throw new KeyNotFoundException(id);
}
