using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.Messaging.Tests;

/// <summary>The buses end to end on real redis-server processes: routing, order, failure, redelivery, dead letters.</summary>
public sealed class BusTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private RedisServer _marketDataServer = null!;
    private RedisServer _logicServer = null!;
    private ConnectionMultiplexer _marketData = null!;
    private ConnectionMultiplexer _logic = null!;

    public async Task InitializeAsync()
    {
        _marketDataServer = await RedisServer.StartAsync();
        _logicServer = await RedisServer.StartAsync(appendOnly: true);
        _marketData = await _marketDataServer.ConnectAsync();
        _logic = await _logicServer.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _marketData.DisposeAsync();
        await _logic.DisposeAsync();
        await _marketDataServer.DisposeAsync();
        await _logicServer.DisposeAsync();
    }

    [Fact]
    public async Task Each_type_goes_to_its_own_bus_and_stream_without_the_caller_naming_either()
    {
        await using var host = new BusHost(_marketData, _logic, "routing-test");
        await host.Publisher.PublishAsync(Messages.Price("AAPL", 1));
        await host.Publisher.PublishAsync(Messages.Alert(1));
        await host.Publisher.FlushAsync();

        var price = StreamNames.Of(MessageType.PriceUpdate);
        var alert = StreamNames.Of(MessageType.RiskAlert);
        Assert.Equal(1, await _marketData.GetDatabase().StreamLengthAsync(price));
        Assert.Equal(1, await _logic.GetDatabase().StreamLengthAsync(alert));
        Assert.False(await _logic.GetDatabase().KeyExistsAsync(price));
        Assert.False(await _marketData.GetDatabase().KeyExistsAsync(alert));
    }

    [Fact]
    public async Task Every_message_arrives_once_in_publish_order_with_its_envelope()
    {
        const int count = 20_000;
        var received = new List<(long Sequence, Envelope Envelope)>();
        await using var consumer = new BusHost(_marketData, _logic, "order-test", subscriptions: Subscription.For<PriceUpdate>((p, ctx, _) =>
        {
            lock (received)
            {
                received.Add((p.TsEvent.Value, ctx.Envelope));
            }

            return ValueTask.CompletedTask;
        }));
        await consumer.StartAsync();
        // Room for the whole burst: prices of one symbol beyond the queue's capacity would (rightly) be conflated.
        await using var publisher = new BusHost(_marketData, _logic, "marketdata-engine", o => o.PublishQueueCapacity = count);
        var correlation = Guid.NewGuid();

        for (var i = 0; i < count; i++)
        {
            await publisher.Publisher.PublishAsync(Messages.Price("MSFT", i), new PublishOptions(correlation));
        }
        await publisher.Publisher.FlushAsync();
        await Eventually.TrueAsync(() => { lock (received) { return received.Count >= count; } }, Within, $"{count} messages consumed");

        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), received.Select(r => r.Sequence));
        Assert.Equal(count, received.Select(r => r.Envelope.Id).Distinct().Count());
        var first = received[0].Envelope;
        Assert.Equal("marketdata-engine", first.Source);
        Assert.Equal(MessageType.PriceUpdate, first.Type);
        Assert.Equal(correlation, first.CorrelationId);
        Assert.Equal("MSFT", first.Key);
        Assert.InRange(first.Timestamp.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(count, consumer.Stats[MessageType.PriceUpdate].Consumed);
    }

    [Fact]
    public async Task A_consumer_killed_mid_batch_leaves_nothing_unprocessed_and_nothing_applied_twice()
    {
        const int count = 200;
        var effects = new ConcurrentDictionary<string, int>();
        var firstStuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        ValueTask Apply(RiskAlert alert)
        {
            effects.AddOrUpdate(alert.AlertId, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        }

        // Published first, so the stream's packing is known before anyone reads: how many envelopes share an entry
        // depends on how fast the writer drained the queue, so the alert A dies on is picked from the stream itself,
        // in the middle of its biggest entry (the consumer group reads from the start).
        await using (var publisher = new BusHost(_marketData, _logic, "strategy-engine"))
        {
            for (var i = 0; i < count; i++)
            {
                await publisher.Publisher.PublishAsync(Messages.Alert(i));
            }
            await publisher.Publisher.FlushAsync();
        }
        var entries = (await _logic.GetDatabase().StreamRangeAsync(StreamNames.Of(MessageType.RiskAlert)))
            .Select(e => MessageCodec.DecodeBatch((byte[])e[StreamNames.EntryField]!).Select(MessageCodec.DecodePayload<RiskAlert>).ToArray())
            .ToArray();
        var biggest = entries.MaxBy(e => e.Length)!;
        Assert.True(biggest.Length >= 2, $"the writer packed {count} alerts into {entries.Length} entries of one");
        var doneInEntry = biggest.Length / 2;
        var stuckAt = biggest[doneInEntry].TsEvent.Value;

        // Consumer A hangs on that alert until it is stopped: it dies in the middle of an entry.
        var a = new BusHost(_marketData, _logic, "risk-engine", subscriptions: Subscription.For<RiskAlert>(async (alert, _, ct) =>
        {
            if (alert.TsEvent.Value == stuckAt)
            {
                firstStuck.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
            await Apply(alert);
        }));
        await a.StartAsync();
        await firstStuck.Task.WaitAsync(Within);
        await a.DisposeAsync();
        Assert.Equal(stuckAt, effects.Count);

        // Consumer B of the same group takes over what A left pending.
        await using var b = new BusHost(_marketData, _logic, "risk-engine",
            subscriptions: Subscription.For<RiskAlert>((alert, _, _) => Apply(alert)));
        await b.StartAsync();
        await Eventually.TrueAsync(() => effects.Count == count, Within, "every alert applied");

        Assert.All(effects, e => Assert.Equal(1, e.Value));
        // B skips exactly what A had done of the entry it died in, and nothing else.
        Assert.Equal(doneInEntry, b.Stats[MessageType.RiskAlert].Duplicates);
    }

    [Fact]
    public async Task A_poison_message_is_dead_lettered_with_its_reason_and_the_rest_flow_on()
    {
        var handled = new ConcurrentBag<long>();
        await using var host = new BusHost(_marketData, _logic, "analytics-engine",
            subscriptions: Subscription.For<RiskAlert>((alert, _, _) =>
            {
                if (alert.TsEvent.Value == 7)
                {
                    throw new InvalidDataException("limit of -1 is not a limit");
                }
                handled.Add(alert.TsEvent.Value);
                return ValueTask.CompletedTask;
            }));
        await host.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await host.Publisher.PublishAsync(Messages.Alert(i));
        }
        await host.Publisher.FlushAsync();

        await Eventually.TrueAsync(() => handled.Count == 19 && host.Stats[MessageType.RiskAlert].DeadLettered == 1, Within, "19 handled, 1 dead-lettered");
        var dead = await _logic.GetDatabase().StreamRangeAsync(StreamNames.DeadLetterOf(MessageType.RiskAlert));
        var entry = Assert.Single(dead);
        Assert.Equal("InvalidDataException: limit of -1 is not a limit", (string?)entry["reason"]);
        Assert.Equal("analytics-engine", (string?)entry["group"]);
        var poisoned = Assert.Single(MessageCodec.DecodeBatch((byte[])entry[StreamNames.EntryField]!));
        Assert.Equal(7, MessageCodec.DecodePayload<RiskAlert>(poisoned).TsEvent.Value);
        Assert.Equal(2, host.Stats[MessageType.RiskAlert].Retried);
    }

    [Fact]
    public async Task A_malformed_entry_is_dead_lettered_and_does_not_stop_the_consumer()
    {
        var handled = new ConcurrentBag<long>();
        await using var host = new BusHost(_marketData, _logic, "execution-engine",
            subscriptions: Subscription.For<RiskAlert>((alert, _, _) => { handled.Add(alert.TsEvent.Value); return ValueTask.CompletedTask; }));
        await host.StartAsync();
        var stream = StreamNames.Of(MessageType.RiskAlert);
        await _logic.GetDatabase().StreamAddAsync(stream, StreamNames.EntryField, new byte[] { 0xc1, 0x00, 0xff });
        await _logic.GetDatabase().StreamAddAsync(stream, "other", "no envelope here");
        await host.Publisher.PublishAsync(Messages.Alert(1));
        await host.Publisher.FlushAsync();

        await Eventually.TrueAsync(() => handled.Count == 1 && host.Stats[MessageType.RiskAlert].DeadLettered == 2, Within, "good one handled, two dead-lettered");
        var reasons = (await _logic.GetDatabase().StreamRangeAsync(StreamNames.DeadLetterOf(MessageType.RiskAlert)))
            .Select(e => (string?)e["reason"]).ToArray();
        Assert.All(reasons, r => Assert.StartsWith("malformed entry:", r));
        Assert.Contains(reasons, r => r!.Contains("no 'b' field"));
    }

    [Fact]
    public async Task Redis_killed_mid_stream_loses_nothing_acknowledged_and_both_sides_carry_on()
    {
        const int count = 30_000;
        var seen = new ConcurrentDictionary<string, byte>();
        await using var consumer = new BusHost(_marketData, _logic, "portfolio-engine",
            subscriptions: Subscription.For<RiskAlert>((alert, _, _) => { seen.TryAdd(alert.AlertId, 0); return ValueTask.CompletedTask; }));
        await consumer.StartAsync();
        await using var publisher = new BusHost(_marketData, _logic, "risk-engine");
        var restarted = Task.CompletedTask;

        try
        {
            for (var i = 0; i < count; i++)
            {
                // Publishing waits while the bus is down: a restart that fails must fail the test, not leave it waiting.
                var publish = publisher.Publisher.PublishAsync(Messages.Alert(i)).AsTask();
                if (await Task.WhenAny(publish, restarted.IsCompleted ? publish : restarted) != publish)
                {
                    await restarted; // throws what went wrong with the restart
                }

                await publish.WaitAsync(Within);
                if (i == count / 3)
                {
                    await _logicServer.KillAsync();
                    // The outage is real for both sides before publishing goes on.
                    await Eventually.TrueAsync(() => !_logic.IsConnected, Within, "the client noticed the outage");
                    // Bring Redis back once the publisher feels the outage: alerts are business messages, so a full queue
                    // makes PublishAsync wait (back-pressure) rather than drop, and this loop stops until the bus returns.
                    restarted = Task.Run(async () =>
                    {
                        await Eventually.TrueAsync(() => publisher.Stats[MessageType.RiskAlert].Delayed > 0, Within, "publishing waits for the bus");
                        await _logicServer.StartProcessAsync();
                    });
                }
            }

            await restarted;
            await publisher.Publisher.FlushAsync().WaitAsync(Within);

            await Eventually.TrueAsync(() => seen.Count == count, Within, $"all {count} alerts consumed after the restart (have {seen.Count})");
            Assert.True(_logic.IsConnected);
        }
        finally
        {
            // Whatever failed, the bus comes back for the hosts' disposal and the tests after this one.
            if (!_logicServer.IsRunning)
            {
                await _logicServer.StartProcessAsync();
            }
        }
    }

    [Fact]
    public async Task A_full_queue_conflates_prices_per_symbol_and_makes_business_messages_wait()
    {
        await _marketDataServer.KillAsync();
        await _logicServer.KillAsync();
        await using var publisher = new BusHost(_marketData, _logic, "marketdata-engine", o => o.PublishQueueCapacity = 4);
        try
        {
            for (var i = 0; i < 100; i++)
            {
                await publisher.Publisher.PublishAsync(Messages.Price(i % 2 == 0 ? "AAPL" : "MSFT", i));
            }
            var blocked = Task.Run(async () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await publisher.Publisher.PublishAsync(Messages.Alert(i));
                }
            });
            await Eventually.TrueAsync(() => publisher.Stats[MessageType.RiskAlert].Delayed > 0, Within, "an alert waits for room");
            Assert.False(blocked.IsCompleted);
            Assert.True(publisher.Stats[MessageType.PriceUpdate].Conflated > 0);
        }
        finally
        {
            await _marketDataServer.StartProcessAsync();
            await _logicServer.StartProcessAsync();
        }

        await publisher.Publisher.FlushAsync().WaitAsync(Within);
        var prices = await _marketData.GetDatabase().StreamRangeAsync(StreamNames.Of(MessageType.PriceUpdate));
        var written = prices.SelectMany(e => MessageCodec.DecodeBatch((byte[])e[StreamNames.EntryField]!))
            .Select(MessageCodec.DecodePayload<PriceUpdate>).ToArray();
        // Conflated, but the latest price of each symbol was kept, and each symbol's prices stay in order.
        Assert.True(written.Length < 100);
        Assert.Equal(98, written.Last(p => p.InstrumentId.Symbol == "AAPL").TsEvent.Value);
        Assert.Equal(99, written.Last(p => p.InstrumentId.Symbol == "MSFT").TsEvent.Value);
        foreach (var symbol in new[] { "AAPL", "MSFT" })
        {
            var sequence = written.Where(p => p.InstrumentId.Symbol == symbol).Select(p => p.TsEvent.Value).ToArray();
            Assert.Equal(sequence.Order(), sequence);
        }
        Assert.Equal(10, await _logic.GetDatabase().StreamLengthAsync(StreamNames.Of(MessageType.RiskAlert)) > 0
            ? (await _logic.GetDatabase().StreamRangeAsync(StreamNames.Of(MessageType.RiskAlert)))
                .Sum(e => MessageCodec.DecodeBatch((byte[])e[StreamNames.EntryField]!).Length)
            : 0);
    }

    /// <summary>Records every span of the bus's activity source, as an OpenTelemetry SDK that samples everything would.</summary>
    private static ActivityListener RecordBusSpans(ConcurrentBag<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == BusStats.MeterName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Fact]
    public async Task One_trace_crosses_the_bus_from_publish_span_to_consume_span()
    {
        var activities = new ConcurrentBag<Activity>();
        using var listener = RecordBusSpans(activities);
        var consumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = new BusHost(_marketData, _logic, "websocket-engine",
            subscriptions: Subscription.For<RiskAlert>((_, _, _) => { consumed.TrySetResult(); return ValueTask.CompletedTask; }));
        await host.StartAsync();

        await host.Publisher.PublishAsync(Messages.Alert(1));
        await consumed.Task.WaitAsync(Within);
        await Eventually.TrueAsync(() => activities.Any(a => a.Kind == ActivityKind.Consumer), Within, "consume span ended");

        var publish = Assert.Single(activities, a => a.Kind == ActivityKind.Producer);
        var consume = Assert.Single(activities, a => a.Kind == ActivityKind.Consumer);
        Assert.Equal(publish.TraceId, consume.TraceId);
        Assert.Equal(publish.SpanId, consume.ParentSpanId);
        Assert.Equal("consume RISK_ALERT", consume.DisplayName);
    }

    [Fact]
    public async Task Market_data_is_traced_at_a_bounded_rate_and_an_untraced_tick_makes_no_span_anywhere()
    {
        var activities = new ConcurrentBag<Activity>();
        using var listener = RecordBusSpans(activities);
        var received = new ConcurrentDictionary<string, string?>();
        // One trace per 10,000 s: the first publish is traced, none of the others within the test.
        await using var host = new BusHost(_marketData, _logic, "vpin-engine", o => o.MarketDataTracesPerSecond = 0.0001,
            Subscription.For<PriceUpdate>((price, context, _) =>
            {
                received[price.InstrumentId.Symbol] = context.Envelope.TraceParent;
                return ValueTask.CompletedTask;
            }));
        await host.StartAsync();

        for (var i = 1; i <= 8; i++)
        {
            await host.Publisher.PublishAsync(Messages.Price($"TRC{i}", i)); // one symbol each: nothing conflates
        }

        await Eventually.TrueAsync(() => received.Count == 8, Within, "all eight prices consumed");
        await Eventually.TrueAsync(() => activities.Any(a => a.Kind == ActivityKind.Consumer), Within, "the consume span ended");

        Assert.Equal(["TRC1"], received.Where(r => r.Value is not null).Select(r => r.Key));
        var publish = Assert.Single(activities, a => a.Kind == ActivityKind.Producer);
        var consume = Assert.Single(activities, a => a.Kind == ActivityKind.Consumer);
        Assert.Equal(publish.SpanId, consume.ParentSpanId);
        Assert.Equal("consume PRICE_UPDATE", consume.DisplayName);
        Assert.Equal(publish.Id, received["TRC1"]);
    }

    [Fact]
    public async Task A_filtered_subscription_handles_what_it_wants_and_acknowledges_the_rest_counted_as_passed_over()
    {
        var bars = new ConcurrentQueue<long>();
        await using var host = new BusHost(_marketData, _logic, "features-engine", subscriptions: Subscription.For<MarketDataEvent>(
            (e, _, _) =>
            {
                bars.Enqueue(e.Seq);
                return ValueTask.CompletedTask;
            },
            wants: envelope => MarketDataEvent.PeekKind(envelope.Payload) is MarketDataKind.Bar or null));
        await host.StartAsync();

        for (var i = 1; i <= 300; i++)
        {
            var message = i % 100 == 0
                ? MarketDataSamples.Bar("AAPL", i)
                : MarketDataSamples.Trade("AAPL", i);
            await host.Publisher.PublishAsync(message);
        }

        await Eventually.TrueAsync(() => host.Stats[MessageType.MarketData].PassedOver == 297 && bars.Count == 3, Within, "every message read");
        Assert.Equal([100L, 200L, 300L], bars);
        Assert.Equal(3, host.Stats[MessageType.MarketData].Consumed);
        await Eventually.TrueAsync(() =>
            _marketData.GetDatabase().StreamPending(StreamNames.Of(MessageType.MarketData), "features-engine").PendingMessageCount == 0,
            Within, "all entries acknowledged");
    }

    [Fact]
    public async Task A_filter_that_throws_lets_the_message_through_to_its_handler()
    {
        var handled = new ConcurrentQueue<string>();
        await using var host = new BusHost(_marketData, _logic, "strategy-engine", subscriptions: Subscription.For<PriceUpdate>(
            (price, _, _) =>
            {
                handled.Enqueue(price.InstrumentId.Symbol);
                return ValueTask.CompletedTask;
            },
            wants: _ => throw new InvalidOperationException("a filter bug")));
        await host.StartAsync();

        await host.Publisher.PublishAsync(Messages.Price("AAPL", 1));
        await host.Publisher.PublishAsync(Messages.Price("MSFT", 1));

        await Eventually.TrueAsync(() => handled.Count == 2, Within, "both prices handled");
        Assert.Equal(0, host.Stats[MessageType.PriceUpdate].PassedOver);
        Assert.Equal(0, host.Stats[MessageType.PriceUpdate].DeadLettered);
    }

    [Fact]
    public async Task Streams_are_trimmed_by_age_and_what_is_younger_stays()
    {
        await using var host = new BusHost(_marketData, _logic, "risk-engine", options => options.StreamMaxAge = TimeSpan.FromHours(1));
        var db = _logic.GetDatabase();
        var stream = StreamNames.Of(MessageType.RiskAlert);
        for (var i = 0; i < 10; i++)
        {
            await host.Publisher.PublishAsync(Messages.Alert(i));
        }
        await host.Publisher.FlushAsync();
        var old = await db.StreamRangeAsync(stream);
        // The younger entries must carry a later millisecond in their ids than the old ones.
        while (ServerMilliseconds(await db.ExecuteAsync("TIME")) <= IdMilliseconds(old[^1].Id))
        {
            await Task.Yield();
        }
        for (var i = 10; i < 15; i++)
        {
            await host.Publisher.PublishAsync(Messages.Alert(i));
        }
        await host.Publisher.FlushAsync();
        var young = (await db.StreamRangeAsync(stream)).Skip(old.Length).ToArray();
        Assert.NotEmpty(young);

        // An hour after the first young entry was added, everything before it is older than the hour kept.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(IdMilliseconds(young[0].Id)) + TimeSpan.FromHours(1);
        var removed = await host.Writers.For(Bus.EngineLogic).TrimByAgeAsync(now);

        Assert.Equal(old.Length, removed);
        Assert.Equal(old.Length, host.Stats[MessageType.RiskAlert].TrimmedEntries);
        Assert.Equal(young.Select(e => e.Id), (await db.StreamRangeAsync(stream)).Select(e => e.Id));
    }

    [Fact]
    public async Task With_no_age_limit_nothing_is_trimmed_however_old()
    {
        await using var host = new BusHost(_marketData, _logic, "risk-engine", options => options.StreamMaxAge = TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await host.Publisher.PublishAsync(Messages.Alert(i));
        }
        await host.Publisher.FlushAsync();
        var length = await _logic.GetDatabase().StreamLengthAsync(StreamNames.Of(MessageType.RiskAlert));

        Assert.Equal(0, await host.Writers.For(Bus.EngineLogic).TrimByAgeAsync(DateTimeOffset.UtcNow.AddYears(10)));
        Assert.Equal(length, await _logic.GetDatabase().StreamLengthAsync(StreamNames.Of(MessageType.RiskAlert)));
    }

    [Fact]
    public async Task The_retention_service_trims_the_streams_this_service_wrote_on_its_own()
    {
        await using var host = new BusHost(_marketData, _logic, "market-data-engine", options =>
        {
            options.StreamMaxAge = TimeSpan.FromMilliseconds(1);
            options.TrimInterval = TimeSpan.FromMilliseconds(50);
        });
        for (var i = 0; i < 100; i++)
        {
            await host.Publisher.PublishAsync(Messages.Price("AAPL", i));
        }
        await host.Publisher.FlushAsync();
        var stream = StreamNames.Of(MessageType.PriceUpdate);
        var written = _marketData.GetDatabase().StreamLength(stream);
        Assert.True(written > 0);

        await host.Retention.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _marketData.GetDatabase().StreamLength(stream) == 0, Within, "the stream trimmed empty");
        Assert.Equal(written, host.Stats[MessageType.PriceUpdate].TrimmedEntries);
        await host.Retention.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_consumer_groups_lag_pending_entries_and_acks_are_measured()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = new BusHost(_marketData, _logic, "collateral-engine", options => options.ClaimIdleAfter = TimeSpan.FromMinutes(5),
            Subscription.For<RiskAlert>(async (_, _, _) =>
            {
                entered.TrySetResult();
                await release.Task;
            }));
        await host.StartAsync();
        var stats = host.Stats[MessageType.RiskAlert];
        try
        {
            await host.Publisher.PublishAsync(Messages.Alert(0));
            await host.Publisher.FlushAsync();
            await entered.Task.WaitAsync(Within);
            for (var i = 1; i <= 3; i++)
            {
                await host.Publisher.PublishAsync(Messages.Alert(i));
                await host.Publisher.FlushAsync(); // one stream entry each
            }

            // The handler holds the first entry: it is pending, and the three behind it are not delivered yet.
            await Eventually.TrueAsync(() => Volatile.Read(ref stats.PendingEntries) == 1 && Volatile.Read(ref stats.ConsumerLag) == 3, Within,
                "one entry pending, three behind it", () => $"pending {stats.PendingEntries}, lag {stats.ConsumerLag}");
            var measured = Measure(host.Stats);
            Assert.Equal(3, measured["nautilus.bus.consumer_lag"]);
            Assert.Equal(1, measured["nautilus.bus.pending"]);
            Assert.Equal(0, measured["nautilus.bus.acked"]);
        }
        finally
        {
            release.TrySetResult(); // a failed check above must not leave the consumer stuck in the handler
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref stats.AckedEntries) == 4 && Volatile.Read(ref stats.PendingEntries) == 0
                                         && Volatile.Read(ref stats.ConsumerLag) == 0, Within, "all four acknowledged",
            () => $"acked {stats.AckedEntries}, pending {stats.PendingEntries}, lag {stats.ConsumerLag}");
        Assert.Equal(4, Measure(host.Stats)["nautilus.bus.acked"]);
    }

    /// <summary>What the bus's instruments of one <see cref="BusStats"/> report now for RISK_ALERT.</summary>
    private static Dictionary<string, long> Measure(BusStats stats)
    {
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == stats)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "type", Value: "RISK_ALERT" })
                {
                    measured[instrument.Name] = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return measured;
    }

    private static long IdMilliseconds(RedisValue id) => long.Parse(((string)id!).Split('-')[0]);

    private static long ServerMilliseconds(RedisResult time)
    {
        var parts = (RedisResult[])time!;
        return long.Parse((string)parts[0]!) * 1000 + long.Parse((string)parts[1]!) / 1000;
    }
}
