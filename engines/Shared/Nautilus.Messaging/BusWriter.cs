using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Nautilus.Contracts;
using StackExchange.Redis;
using static Nautilus.Messaging.TransientFailure;

namespace Nautilus.Messaging;

/// <summary>
/// Writes one bus's envelopes: a bounded queue drained by a single loop that packs envelopes into stream entries and
/// sends them in one pipelined batch, retrying (never dropping) while Redis is away. One loop keeps per-stream order.
/// </summary>
public sealed class BusWriter : IAsyncDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly BusStats _stats;
    private readonly BusOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Envelope> _queue;
    private readonly Dictionary<string, Envelope> _conflated = new();
    private readonly ConcurrentDictionary<Nautilus.Platform.MessageType, bool> _streamsWritten = new();
    private readonly Lock _conflatedLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private volatile int _conflatedCount;
    private long _enqueued;
    private long _written;
    private TaskCompletionSource _progress = NewProgress();

    public BusWriter(IConnectionMultiplexer redis, BusStats stats, BusOptions options, ILogger logger)
    {
        _redis = redis;
        _stats = stats;
        _options = options;
        _logger = logger;
        _queue = Channel.CreateBounded<Envelope>(new BoundedChannelOptions(options.PublishQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    public long Pending => Interlocked.Read(ref _enqueued) - Interlocked.Read(ref _written);

    public ValueTask EnqueueAsync(Envelope envelope, string? conflationKey, CancellationToken cancellationToken)
    {
        _stats.Published(envelope.Type);
        if (conflationKey is not null)
        {
            if (_conflatedCount == 0 && _queue.Writer.TryWrite(envelope))
            {
                Interlocked.Increment(ref _enqueued);
            }
            else
            {
                Conflate(envelope, $"{(int)envelope.Type}:{conflationKey}");
            }
            return ValueTask.CompletedTask;
        }
        if (_queue.Writer.TryWrite(envelope))
        {
            Interlocked.Increment(ref _enqueued);
            return ValueTask.CompletedTask;
        }

        _stats.Delayed(envelope.Type);
        return WaitForRoomAsync(envelope, cancellationToken);
    }

    private void Conflate(Envelope envelope, string key)
    {
        lock (_conflatedLock)
        {
            // A key with a pending slot keeps using it (newer replaces older, order holds); others still try the queue.
            if (!_conflated.ContainsKey(key) && _queue.Writer.TryWrite(envelope))
            {
                Interlocked.Increment(ref _enqueued);
            }
            else if (_conflated.TryAdd(key, envelope))
            {
                Interlocked.Increment(ref _enqueued);
                _conflatedCount = _conflated.Count;
            }
            else
            {
                _conflated[key] = envelope;
                _stats.Conflated(envelope.Type);
            }
        }
    }

    private async ValueTask WaitForRoomAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(envelope, cancellationToken);
        Interlocked.Increment(ref _enqueued);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _enqueued);
        while (Interlocked.Read(ref _written) < target)
        {
            await Volatile.Read(ref _progress).Task.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var batch = new List<Envelope>(_options.WriteBatch);
        while (true)
        {
            try
            {
                // No polling needed for the slots: one is only filled while the queue is full or another slot is
                // pending, so an idle writer is always woken by a queue item.
                if (_conflatedCount == 0 && !await _queue.Reader.WaitToReadAsync(stopping))
                {
                    return;
                }

                batch.Clear();
                while (batch.Count < _options.WriteBatch && _queue.Reader.TryRead(out var envelope))
                {
                    batch.Add(envelope);
                }
                // Slots hold envelopes newer than anything of their key in the queue: write them once the queue is empty.
                if (_conflatedCount > 0 && !_queue.Reader.TryPeek(out _))
                {
                    lock (_conflatedLock)
                    {
                        batch.AddRange(_conflated.Values);
                        _conflated.Clear();
                        _conflatedCount = 0;
                    }
                }
                if (batch.Count > 0)
                {
                    await WriteWithRetryAsync(batch, stopping);
                    Interlocked.Add(ref _written, batch.Count);
                    Interlocked.Exchange(ref _progress, NewProgress()).TrySetResult();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Writes entries grouped by stream; on failure resends, per stream, from the first entry not written.</summary>
    private async Task WriteWithRetryAsync(List<Envelope> batch, CancellationToken stopping)
    {
        var pending = ByStream(batch);
        var backoff = TimeSpan.FromMilliseconds(50);
        while (pending.Count > 0)
        {
            var db = _redis.GetDatabase();
            var writes = pending.Select(p => (p.Type, p.Entries, Tasks: p.Entries
                    .Select(chunk => db.StreamAddAsync(StreamNames.Of(p.Type), StreamNames.EntryField,
                        MessageCodec.EncodeBatch(chunk), maxLength: _options.StreamMaxLength, useApproximateMaxLength: true))
                    .ToArray()))
                .ToList();

            var next = new List<(Nautilus.Platform.MessageType Type, List<Envelope[]> Entries)>();
            foreach (var (type, entries, tasks) in writes)
            {
                var firstFailed = -1;
                for (var i = 0; i < tasks.Length; i++)
                {
                    try
                    {
                        await tasks[i];
                        if (firstFailed < 0)
                        {
                            _stats.Written(type, entries[i].Length);
                        }
                    }
                    catch (Exception ex) when (IsTransient(ex) || ex is OperationCanceledException && !stopping.IsCancellationRequested)
                    {
                        // The client cancels commands it had queued when a connection drops: resend those too.
                        if (firstFailed < 0)
                        {
                            firstFailed = i;
                            _logger.LogWarning("Writing {Type} failed ({Reason}); retrying in {Delay} ms", type, ex.Message, backoff.TotalMilliseconds);
                        }
                    }
                }
                if (firstFailed != 0)
                {
                    _streamsWritten.TryAdd(type, true);
                }
                if (firstFailed >= 0)
                {
                    // Entries after the first failure are resent even if they landed: order first; consumers drop repeats by id.
                    _stats.WriteRetried(type);
                    next.Add((type, entries.Skip(firstFailed).ToList()));
                }
            }

            pending = next;
            if (pending.Count > 0)
            {
                await Task.Delay(backoff, stopping);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        }
    }

    /// <summary>
    /// Removes the entries older than <see cref="BusOptions.StreamMaxAge"/> from every stream this writer has written to
    /// (exact XTRIM MINID: an entry's id is the Redis server's clock in milliseconds when it was added). Entries still
    /// pending in a consumer group go too, as with the length limit; that is what a retention limit means.
    /// </summary>
    /// <returns>The entries removed.</returns>
    public async Task<long> TrimByAgeAsync(DateTimeOffset now)
    {
        if (_options.StreamMaxAge <= TimeSpan.Zero)
        {
            return 0;
        }

        var minId = $"{(now - _options.StreamMaxAge).ToUnixTimeMilliseconds()}-0";
        var db = _redis.GetDatabase();
        long removed = 0;
        foreach (var type in _streamsWritten.Keys)
        {
            var entries = await db.StreamTrimByMinIdAsync(StreamNames.Of(type), minId);
            _stats.Trimmed(type, entries);
            removed += entries;
        }
        return removed;
    }

    /// <summary>The batch cut into stream entries, per stream in queue order (usually one type: no grouping then).</summary>
    private List<(Nautilus.Platform.MessageType Type, List<Envelope[]> Entries)> ByStream(List<Envelope> batch)
    {
        var first = batch[0].Type;
        return batch.TrueForAll(e => e.Type == first)
            ? [(first, batch.Chunk(_options.EnvelopesPerEntry).ToList())]
            : batch.GroupBy(e => e.Type).Select(g => (g.Key, g.Chunk(_options.EnvelopesPerEntry).ToList())).ToList();
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            // Let what is queued reach Redis; give up only if Redis stays away.
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Bus writer stopped with {Pending} envelopes not written", Pending);
        }
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }
}
