using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>Tuning of publishing and consuming; bound from configuration section <c>Nautilus:Bus</c>.</summary>
public sealed class BusOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Bus";

    /// <summary>Name of this service: the envelope's source and its consumer group.</summary>
    public string Source { get; set; } = "unknown";

    /// <summary>
    /// Envelopes waiting to be written, per bus, before the overflow policy applies. Kept small on purpose: every
    /// queued envelope is live data each garbage collection must walk and promote (bus benchmark: 200,000 measured
    /// 20 % slower than 32,768, and 32,768 265-316 k msg/s where 4,096 measured 283-389 k). One write batch's worth.
    /// </summary>
    public int PublishQueueCapacity { get; set; } = 4_096;

    /// <summary>Most envelopes packed into one stream entry.</summary>
    public int EnvelopesPerEntry { get; set; } = 64;

    /// <summary>Most envelopes taken from the queue for one pipelined write.</summary>
    public int WriteBatch { get; set; } = 4_096;

    /// <summary>Approximate stream length kept (XADD MAXLEN ~), in entries.</summary>
    public long StreamMaxLength { get; set; } = 100_000;

    /// <summary>
    /// Oldest entry kept on the streams this service writes, by the time in its id (XTRIM MINID every
    /// <see cref="TrimInterval"/>); beside the length limit, whichever removes more. Zero: no age limit.
    /// </summary>
    public TimeSpan StreamMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often streams are trimmed by age.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Entries read per XREADGROUP.</summary>
    public int ReadCount { get; set; } = 256;

    /// <summary>How long one blocking read waits for new entries.</summary>
    public TimeSpan ReadBlock { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Handler attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Back-off before the second attempt; doubles each time.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>An entry pending this long with a consumer is taken over (the consumer is presumed dead).</summary>
    public TimeSpan ClaimIdleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending entries of dead consumers are looked for.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Market-data publishes that start a trace, at most, per second (0: none). The others carry no trace context and
    /// create no span on either side: at tens of thousands of ticks a second an unrecorded span per message still cost
    /// an Activity and a trace-context parse in every consuming engine, and a ratio still grew with the feed.
    /// Business messages are always traced.
    /// </summary>
    public double MarketDataTracesPerSecond { get; set; } = 2;

    /// <summary>Where a consumer group created for the first time starts: new messages only, or the whole stream.</summary>
    public bool NewGroupsReadFromStart { get; set; }

    public IEnumerable<string> Problems()
    {
        foreach (var (key, value) in new (string, long)[]
                 {
                     (nameof(PublishQueueCapacity), PublishQueueCapacity), (nameof(EnvelopesPerEntry), EnvelopesPerEntry),
                     (nameof(WriteBatch), WriteBatch), (nameof(StreamMaxLength), StreamMaxLength), (nameof(ReadCount), ReadCount),
                     (nameof(MaxAttempts), MaxAttempts),
                 })
        {
            if (value <= 0)
            {
                yield return $"{Section}:{key} must be positive, not {value}.";
            }
        }

        foreach (var (key, value) in new[]
                 {
                     (nameof(TrimInterval), TrimInterval), (nameof(ReadBlock), ReadBlock), (nameof(ClaimIdleAfter), ClaimIdleAfter),
                     (nameof(ClaimInterval), ClaimInterval),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{key} must be a positive time, not {value}.";
            }
        }

        if (StreamMaxAge < TimeSpan.Zero || RetryBackoff < TimeSpan.Zero)
        {
            yield return $"{Section}:{(StreamMaxAge < TimeSpan.Zero ? nameof(StreamMaxAge) : nameof(RetryBackoff))} cannot be negative.";
        }

        if (MarketDataTracesPerSecond < 0 || double.IsNaN(MarketDataTracesPerSecond))
        {
            yield return $"{Section}:{nameof(MarketDataTracesPerSecond)} must be 0 or more, not {MarketDataTracesPerSecond}.";
        }
    }
}
