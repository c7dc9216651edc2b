using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using StackExchange.Redis;
using static Nautilus.Messaging.TransientFailure;

namespace Nautilus.Messaging;

/// <summary>
/// Runs this service's subscriptions: one consumer group per service on each subscribed stream (at-least-once),
/// retries a failing handler with back-off, dead-letters after the last attempt (with the reason), re-claims
/// entries left pending by a dead consumer, and skips envelopes already handled when an entry is redelivered.
/// </summary>
public sealed class MessageConsumer(
    BusConnections connections,
    IEnumerable<Subscription> subscriptions,
    BusStats stats,
    IOptions<BusOptions> options,
    TimeProvider clock,
    ILogger<MessageConsumer> logger) : BackgroundService
{
    private readonly BusOptions _options = options.Value;
    private readonly RecentIds _recent = new(200_000);

    public string Group => _options.Source;

    public string ConsumerName { get; } = $"{options.Value.Source}-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Envelopes handled between two progress marks of a multi-envelope entry.</summary>
    public const int ProgressEvery = 16;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _loopsNotReady;

    /// <summary>Completes once every subscribed stream has its consumer group, so nothing published after it is missed.</summary>
    public Task Ready => _ready.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byType = subscriptions.GroupBy(s => s.Type).ToDictionary(
            g => g.Key,
            g => g.Count() == 1 ? g.Single() : throw new InvalidOperationException($"{g.Key} has {g.Count()} subscriptions; one per type."));
        var buses = byType.Values.GroupBy(s => MessageRouting.BusOf(s.Type)).ToArray();
        _loopsNotReady = buses.Length;
        if (buses.Length == 0)
        {
            _ready.TrySetResult();
        }
        var loops = buses
            .SelectMany(g => new[]
            {
                ReadLoopAsync(g.Key, g.ToDictionary(s => StreamNames.Of(s.Type)), stoppingToken),
                ClaimLoopAsync(g.Key, g.ToDictionary(s => StreamNames.Of(s.Type)), stoppingToken),
            })
            .ToArray();
        // A loop that dies before its groups exist (a bus with no connection) fails Ready instead of leaving it waiting forever.
        foreach (var loop in loops)
        {
            _ = loop.ContinueWith(t => _ready.TrySetException(t.Exception!.InnerExceptions), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return Task.WhenAll(loops);
    }

    private async Task EnsureGroupsAsync(IDatabase db, IEnumerable<string> streams)
    {
        foreach (var stream in streams)
        {
            try
            {
                await db.StreamCreateConsumerGroupAsync(stream, Group, _options.NewGroupsReadFromStart ? "0-0" : "$", createStream: true);
            }
            catch (RedisServerException ex) when (ex.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
            {
                // The group exists (another replica, or an earlier run): keep its position.
            }
        }
    }

    private async Task ReadLoopAsync(Bus bus, Dictionary<string, Subscription> byStream, CancellationToken ct)
    {
        var shared = connections[bus];
        // Blocking reads get a connection of their own: a blocked XREADGROUP would stall everything else on a shared one.
        await using var blocking = await ConnectionMultiplexer.ConnectAsync(BusConnectionOptions.Parse(shared.Configuration));
        var reader = blocking.GetDatabase();
        var streams = byStream.Keys.ToArray();
        var args = new List<object> { "GROUP", Group, ConsumerName, "COUNT", _options.ReadCount, "BLOCK", (long)_options.ReadBlock.TotalMilliseconds, "STREAMS" };
        args.AddRange(streams);
        args.AddRange(streams.Select(_ => (object)">"));
        var groupsReady = false;
        var backoff = TimeSpan.FromMilliseconds(100);

        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!groupsReady)
                {
                    await EnsureGroupsAsync(shared.GetDatabase(), streams);
                    if (!groupsReady && Interlocked.Decrement(ref _loopsNotReady) == 0)
                    {
                        _ready.TrySetResult();
                    }
                    groupsReady = true;
                }
                var result = await reader.ExecuteAsync("XREADGROUP", args);
                if (result.IsNull)
                {
                    continue;
                }
                foreach (var streamResult in (RedisResult[])result!)
                {
                    var pair = (RedisResult[])streamResult!;
                    var stream = (string)pair[0]!;
                    foreach (var entry in (RedisResult[])pair[1]!)
                    {
                        var parts = (RedisResult[])entry!;
                        var fields = parts[1].IsNull ? [] : (RedisResult[])parts[1]!;
                        byte[]? bytes = null;
                        for (var i = 0; i + 1 < fields.Length; i += 2)
                        {
                            if ((string?)fields[i] == StreamNames.EntryField)
                            {
                                bytes = (byte[]?)fields[i + 1];
                            }
                        }
                        await HandleEntryAsync(shared.GetDatabase(), byStream[stream], stream, (string)parts[0]!, bytes, redelivered: false, ct);
                    }
                }
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RedisServerException ex) when (ex.Message.Contains("NOGROUP", StringComparison.Ordinal))
            {
                // The bus restarted without its data: the group must be made again.
                logger.LogWarning("Consumer group {Group} is gone on {Bus}; recreating it", Group, BusNames.Of(bus));
                groupsReady = false;
            }
            catch (Exception ex) when (IsTransient(ex) || ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Reading {Bus} failed ({Reason}); retrying in {Delay} ms", BusNames.Of(bus), ex.Message, backoff.TotalMilliseconds);
                await Task.Delay(backoff, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        }
    }

    /// <summary>
    /// Takes over entries another consumer of the group left pending too long (it died or hangs), and notes the group's
    /// lag and pending entries for the metrics.
    /// </summary>
    private async Task ClaimLoopAsync(Bus bus, Dictionary<string, Subscription> byStream, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.ClaimInterval);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var db = connections[bus].GetDatabase();
            foreach (var (stream, subscription) in byStream)
            {
                try
                {
                    RedisValue start = "0-0";
                    do
                    {
                        var claimed = await db.StreamAutoClaimAsync(stream, Group, ConsumerName,
                            (long)_options.ClaimIdleAfter.TotalMilliseconds, start, count: 100);
                        foreach (var entry in claimed.ClaimedEntries)
                        {
                            var bytes = entry.Values.FirstOrDefault(v => v.Name == StreamNames.EntryField).Value;
                            await HandleEntryAsync(db, subscription, stream, entry.Id!, bytes.IsNull ? null : (byte[]?)bytes, redelivered: true, ct);
                        }
                        start = claimed.NextStartId;
                    }
                    while (start != "0-0" && !ct.IsCancellationRequested);

                    var group = (await db.StreamGroupInfoAsync(stream)).FirstOrDefault(g => g.Name == Group);
                    if (group.Name is not null)
                    {
                        stats.GroupState(subscription.Type, group.Lag, group.PendingMessageCount);
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (IsTransient(ex) || ex is OperationCanceledException && !ct.IsCancellationRequested)
                {
                    logger.LogWarning("Claiming pending entries of {Stream} failed: {Reason}", stream, ex.Message);
                }
            }
        }
    }

    private async Task HandleEntryAsync(IDatabase db, Subscription subscription, string stream, string entryId, byte[]? bytes,
        bool redelivered, CancellationToken ct)
    {
        Envelope[] envelopes;
        try
        {
            envelopes = bytes is null ? throw new MalformedMessageException($"no '{StreamNames.EntryField}' field") : MessageCodec.DecodeBatch(bytes);
        }
        catch (MalformedMessageException ex)
        {
            stats.DeadLettered(subscription.Type);
            await db.StreamAddAsync(StreamNames.DeadLetterOf(subscription.Type),
            [
                new("raw", bytes ?? []), new("reason", ex.Message), new("group", Group), new("entry", entryId),
                new("at", UnixNanos.Now(clock).Value),
            ], maxLength: 10_000, useApproximateMaxLength: true);
            await db.StreamAcknowledgeAsync(stream, Group, entryId);
            stats.Acknowledged(subscription.Type);
            return;
        }

        // A redelivered entry may have been handled in part before its consumer died: skip what was done.
        var progressKey = StreamNames.ProgressOf(subscription.Type, Group);
        var done = -1;
        if (redelivered && envelopes.Length > 1)
        {
            var progress = await db.HashGetAsync(progressKey, entryId);
            done = progress.HasValue ? (int)progress : -1;
        }

        for (var i = 0; i < envelopes.Length; i++)
        {
            var envelope = envelopes[i];
            if (!Wanted(subscription, envelope))
            {
                stats.PassedOver(subscription.Type);
                continue;
            }

            if (i <= done || !_recent.Add(envelope.Id))
            {
                stats.Duplicate(subscription.Type);
                continue;
            }
            try
            {
                await InvokeAsync(db, subscription, envelope, entryId, redelivered, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested && envelopes.Length > 1)
            {
                // Stopping mid-entry: leave exactly how far we got, so whoever takes the entry over starts after it.
                await db.HashSetAsync(progressKey, entryId, i - 1);
                throw;
            }
            // Progress every few envelopes keeps a crash's repeats to a handful without a command per message.
            if (envelopes.Length > 1 && i % ProgressEvery == ProgressEvery - 1 && i < envelopes.Length - 1)
            {
                db.HashSet(progressKey, entryId, i, flags: CommandFlags.FireAndForget);
            }
        }

        db.StreamAcknowledge(stream, Group, entryId, CommandFlags.FireAndForget);
        stats.Acknowledged(subscription.Type);
        if (envelopes.Length > 1)
        {
            db.HashDelete(progressKey, entryId, CommandFlags.FireAndForget);
        }
    }

    /// <summary>Asks the subscription's filter; a filter that fails lets the envelope through (the handler then
    /// decodes it and a malformed one is dead-lettered with its reason, as without a filter).</summary>
    private static bool Wanted(Subscription subscription, Envelope envelope)
    {
        try
        {
            return subscription.Wants?.Invoke(envelope) ?? true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true;
        }
    }

    private async Task InvokeAsync(IDatabase db, Subscription subscription, Envelope envelope, string entryId, bool redelivered, CancellationToken ct)
    {
        // Market data without trace context was not sampled by its publisher (BusOptions.MarketDataTracesPerSecond): no span.
        using var activity = envelope.TraceParent is null && MessageRouting.BusOf(envelope.Type) == Bus.MarketData
            ? null
            : MessagePublisher.ActivitySource.StartActivity(StreamNames.ConsumeSpan(envelope.Type), ActivityKind.Consumer,
                ActivityContext.TryParse(envelope.TraceParent, null, out var parent) ? parent : default);
        activity?.SetTag("messaging.message.id", envelope.Id.ToString());
        activity?.SetTag("messaging.consumer.group.name", Group);

        Exception? failure = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            try
            {
                await subscription.Handle(envelope, new MessageContext(envelope, redelivered, attempt), ct);
                var latencyMicros = (UnixNanos.Now(clock).Value - envelope.Timestamp.Value) / 1000.0;
                stats.Consumed(envelope.Type, latencyMicros);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                failure = ex;
                if (attempt < _options.MaxAttempts)
                {
                    stats.Retried(envelope.Type);
                    await Task.Delay(_options.RetryBackoff * Math.Pow(2, attempt - 1), ct);
                }
            }
        }

        activity?.SetStatus(ActivityStatusCode.Error, failure?.Message);
        stats.DeadLettered(envelope.Type);
        logger.LogWarning(failure, "{Type} {Id} dead-lettered after {Attempts} attempts", envelope.Type, envelope.Id, _options.MaxAttempts);
        await db.StreamAddAsync(StreamNames.DeadLetterOf(envelope.Type),
        [
            new(StreamNames.EntryField, MessageCodec.EncodeBatch([envelope])),
            new("reason", $"{failure?.GetType().Name}: {failure?.Message}"),
            new("group", Group), new("attempts", _options.MaxAttempts), new("entry", entryId), new("at", UnixNanos.Now(clock).Value),
        ], maxLength: 10_000, useApproximateMaxLength: true);
    }
}
