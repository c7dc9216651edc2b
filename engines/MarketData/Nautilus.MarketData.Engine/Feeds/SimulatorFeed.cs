using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Instruments;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.MarketData.Domain.Simulation;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.Model;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>
/// How the simulator feed runs. Realtime paces events to the wall clock; otherwise as fast as the pipeline takes them.
/// 500 events/s (about 100 per instrument) keeps a 2-core development machine running all thirteen engines, the UI
/// and their servers responsive; raise it for load work.
/// </summary>
public sealed record SimulatorFeedSettings(
    ulong Seed = 42,
    double EventsPerSecond = 500,
    string[]? Symbols = null,
    bool Realtime = true,
    double BookSnapshotsPerSecond = 4);

/// <summary>
/// The default feed: <see cref="MarketSimulator"/> over the live universe, deterministic from its seed, with book
/// snapshots of each instrument a few times a second. Scenarios are queued to the simulator's own loop.
/// </summary>
public sealed class SimulatorFeed(ChannelWriter<FeedItem> pipeline, InstrumentRepository instruments, ILogger<SimulatorFeed> logger)
    : BackgroundFeed(logger)
{
    public const string FeedName = "simulator";

    private readonly ConcurrentQueue<(int Instrument, Scenario Scenario)> _scenarios = new();
    private SimulatorFeedSettings _settings = new();
    private MarketSimulator? _simulator;

    public override string Name => FeedName;

    protected override string Description => "Market simulator: correlated prices, stochastic volatility, jumps, 10-level book, informed flow";

    protected override object Settings => _settings;

    public IReadOnlyList<string> Symbols => _simulator?.Instruments.Select(i => i.Symbol).ToArray() ?? [];

    public override async Task StartAsync(JsonElement? settings, CancellationToken ct)
    {
        var parsed = Validate(Parse(settings, new SimulatorFeedSettings()));
        var symbols = parsed.Symbols is { Length: > 0 } s ? s : [.. InstrumentUniverse.LiveSymbols];
        var unknown = symbols.FirstOrDefault(x => !instruments.IsKnown(x));
        if (unknown is not null)
        {
            throw new FeedSettingsException("symbols", $"unknown instrument '{unknown}'");
        }

        var simulated = symbols.Select(x => SimulatedFrom(instruments.Cached(x)!)).ToArray();
        var simulator = new MarketSimulator(simulated, new SimulatorOptions
        {
            Seed = parsed.Seed,
            EventsPerSecond = parsed.EventsPerSecond,
            StartNs = UnixNanos.From(DateTimeOffset.UtcNow).Value,
        });

        await StopAsync();
        _settings = parsed with { Symbols = symbols };
        _simulator = simulator;
        var running = _settings;
        await LaunchAsync(token => RunAsync(simulator, running, token));
        logger.LogInformation("Simulator feed started: {Symbols} at {Rate} events/s, seed {Seed}", string.Join(",", symbols), parsed.EventsPerSecond, parsed.Seed);
    }

    /// <summary>Queues a scenario for the running simulator.</summary>
    public void Inject(string symbol, Scenario scenario)
    {
        var simulator = _simulator;
        if (simulator is null || Status.State != FeedState.Running)
        {
            throw new FeedSettingsException("feed", "the simulator is not running");
        }

        var index = simulator.IndexOf(symbol);
        if (index < 0)
        {
            throw new FeedSettingsException("symbol", $"'{symbol}' is not simulated (simulated: {string.Join(", ", Symbols)})");
        }

        if (scenario.Validate() is { Count: > 0 } problems)
        {
            throw new FeedSettingsException(JsonNamingPolicy.CamelCase.ConvertName(problems[0].Field), problems[0].Problem);
        }

        _scenarios.Enqueue((index, scenario));
    }

    private async Task RunAsync(MarketSimulator simulator, SimulatorFeedSettings settings, CancellationToken ct)
    {
        var bookEveryNs = (long)(1e9 / settings.BookSnapshotsPerSecond);
        var lastBook = new long[simulator.Instruments.Count];
        var symbols = simulator.Instruments.Select(i => i.Symbol).ToArray();
        var wallStart = Stopwatch.GetTimestamp();
        var simStart = simulator.NowNs;
        {
            simulator.Next(out var next);
            while (!ct.IsCancellationRequested)
            {
                while (_scenarios.TryDequeue(out var scenario))
                {
                    simulator.Inject(scenario.Instrument, scenario.Scenario);
                }

                // Realtime: emit what is due by the wall clock, then wait a little; otherwise emit without pause.
                var dueNs = settings.Realtime ? simStart + (long)(Stopwatch.GetElapsedTime(wallStart).TotalSeconds * 1e9) : long.MaxValue;
                var emitted = 0;
                while (next.TsNs <= dueNs && emitted < 4_096)
                {
                    var e = next;
                    var symbol = symbols[e.Instrument];
                    var tick = e.Kind == MarketEventKind.Trade
                        ? Tick.Trade(symbol, e.TsNs, e.Seq, e.Price, e.Size, e.Aggressor)
                        : Tick.Quote(symbol, e.TsNs, e.Seq, e.BidPrice, e.BidSize, e.AskPrice, e.AskSize);
                    if (e.Kind != MarketEventKind.Depth)
                    {
                        await pipeline.WriteAsync(new FeedItem(tick), ct);
                    }

                    if (e.TsNs - lastBook[e.Instrument] >= bookEveryNs)
                    {
                        lastBook[e.Instrument] = e.TsNs;
                        var book = new BookLevels(symbol, e.TsNs, new double[10], new double[10], new double[10], new double[10]);
                        simulator.CopyBook(e.Instrument, book.BidPrices, book.BidSizes, book.AskPrices, book.AskSizes);
                        await pipeline.WriteAsync(new FeedItem(default, book), ct);
                    }

                    Counted();
                    emitted++;
                    simulator.Next(out next);
                }

                if (settings.Realtime)
                {
                    await Task.Delay(10, ct);
                }
            }
        }

    }

    private static SimulatorFeedSettings Validate(SimulatorFeedSettings parsed)
    {
        if (parsed.EventsPerSecond is <= 0 or > 10_000_000 || double.IsNaN(parsed.EventsPerSecond))
        {
            throw new FeedSettingsException("eventsPerSecond", "between 0 (exclusive) and 10,000,000");
        }

        if (parsed.BookSnapshotsPerSecond is <= 0 or > 1_000 || double.IsNaN(parsed.BookSnapshotsPerSecond))
        {
            throw new FeedSettingsException("bookSnapshotsPerSecond", "between 0 (exclusive) and 1,000");
        }

        return parsed;
    }

    /// <summary>Simulation parameters from the master: a start price and volatility derived from the symbol, stable across runs.</summary>
    public static SimulatedInstrument SimulatedFrom(Instrument instrument)
    {
        var hash = 2166136261u;
        foreach (var c in instrument.Symbol)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var crypto = instrument.AssetClass == AssetClass.Crypto;
        var price = crypto ? 60_000 + hash % 20_000 : 20 + hash % 38_000 / 100.0;
        var volatility = crypto ? 0.6 : 0.2 + hash % 25 / 100.0;
        var lot = crypto ? Math.Max((double)instrument.LotSize, 0.001) : (double)instrument.LotSize;
        return new SimulatedInstrument(instrument.Symbol, instrument.Sector, price, volatility, (double)instrument.TickSize, lot);
    }
}
