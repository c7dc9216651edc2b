using Microsoft.Extensions.Time.Testing;
using Nautilus.WebSocket.Domain;

namespace Nautilus.UnitTests.WebSocket;

/// <summary>The gateway's per-client outbox rules on a fake clock: no socket, no timing luck.</summary>
public class ClientOutboxTests
{
    private readonly FakeTimeProvider _clock = new();

    private static List<string> Take(ClientOutbox<string> outbox, out TimeSpan wait)
    {
        var batch = new List<string>();
        wait = outbox.TakeDue(batch);
        return batch;
    }

    [Fact]
    public void Slotted_items_keep_the_newest_and_the_rest_queue_in_order_up_to_a_bound_that_drops_the_oldest()
    {
        var outbox = new ClientOutbox<string>(_clock, maxQueued: 3);

        Assert.Equal(Offered.Queued, outbox.Offer("quote 1", "AAPL:Quote"));
        Assert.Equal(Offered.Conflated, outbox.Offer("quote 2", "AAPL:Quote")); // fell behind: counted as conflation
        Assert.Equal(Offered.Queued, outbox.Offer("fill 1", slot: null));
        Assert.Equal(Offered.Queued, outbox.Offer("fill 2", slot: null));
        Assert.Equal(Offered.Queued, outbox.Offer("fill 3", slot: null));
        Assert.Equal(Offered.DroppedOldest, outbox.Offer("fill 4", slot: null));
        Assert.Equal(4, outbox.Pending);

        Assert.Equal(["fill 2", "fill 3", "fill 4", "quote 2"], Take(outbox, out var wait));
        Assert.Equal(TimeSpan.Zero, wait);
        Assert.Equal((1L, 1L, 0L), (outbox.Conflated, outbox.Dropped, outbox.Sampled));
        Assert.False(outbox.HasDue);
    }

    [Fact]
    public void A_throttled_client_gets_each_slots_newest_at_most_once_per_interval_while_the_queue_goes_at_once()
    {
        var outbox = new ClientOutbox<string>(_clock) { ThrottleMs = 100 };

        outbox.Offer("quote 1", "AAPL:Quote");
        Assert.Equal(["quote 1"], Take(outbox, out _)); // the first goes at once

        _clock.Advance(TimeSpan.FromMilliseconds(30));
        outbox.Offer("quote 2", "AAPL:Quote");
        Assert.Equal(Offered.Sampled, outbox.Offer("quote 3", "AAPL:Quote")); // asked for: not a backlog
        outbox.Offer("bar", slot: null);
        Assert.Equal(["bar"], Take(outbox, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(70), wait);
        Assert.False(outbox.HasDue);

        _clock.Advance(TimeSpan.FromMilliseconds(70));
        Assert.True(outbox.HasDue);
        Assert.Equal(["quote 3"], Take(outbox, out wait));
        Assert.Equal(TimeSpan.Zero, wait);
        Assert.Equal((1L, 0L), (outbox.Sampled, outbox.Conflated));
        outbox.ThrottleMs = -5;
        Assert.Equal(0, outbox.ThrottleMs); // a negative interval means none
    }

    [Fact]
    public void An_update_no_newer_than_the_clients_snapshot_is_refused_and_a_newer_one_ends_the_mark()
    {
        var outbox = new ClientOutbox<string>(_clock);
        outbox.MarkSnapshot("PRICE_UPDATE:AAPL", sequence: 10);

        Assert.Equal(Offered.Stale, outbox.Offer("price 9", "slot", "PRICE_UPDATE:AAPL", 9));
        Assert.Equal(Offered.Stale, outbox.Offer("price 10", "slot", "PRICE_UPDATE:AAPL", 10));
        Assert.Equal(Offered.Queued, outbox.Offer("price 11", "slot", "PRICE_UPDATE:AAPL", 11));
        Assert.Equal(Offered.Conflated, outbox.Offer("price 8 from another path", "slot", "PRICE_UPDATE:AAPL", 8)); // mark gone
        Assert.Equal(Offered.Queued, outbox.Offer("other topic", null, "PRICE_UPDATE:MSFT", 1));

        outbox.MarkSnapshot("RISK_ALERT:pf-1", 5);
        outbox.Forget("RISK_ALERT:pf-1");
        Assert.Equal(Offered.Queued, outbox.Offer("alert 1", null, "RISK_ALERT:pf-1", 1));
    }
}
