using System.Numerics;
using System.Runtime.InteropServices;

namespace Nautilus.Messaging;

/// <summary>
/// The last N envelope ids this process handled: drops the repeats a publisher's retry after a partial write can
/// cause. Bounded, so it costs the same at any rate. A ring of ids in arrival order indexed by an open-addressing
/// table (linear probing, at most half full, backward-shift deletion): one array probe per id where a HashSet plus an
/// eviction queue cost two hash operations and 6 % of the bus benchmark's CPU.
/// </summary>
public sealed class RecentIds
{
    private readonly Guid[] _ring;
    // Ring position + 1 of the id hashed to (or probed past) each slot; 0 = empty.
    private readonly int[] _slots;
    private readonly int _shift;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public RecentIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new Guid[capacity];
        var size = BitOperations.RoundUpToPowerOf2((uint)capacity * 2);
        _slots = new int[size];
        _shift = 64 - BitOperations.Log2(size);
    }

    /// <summary>True when the id was not seen yet (and is now remembered).</summary>
    public bool Add(Guid id)
    {
        lock (_lock)
        {
            var slot = Find(id, out var found);
            if (found)
            {
                return false;
            }
            if (_count == _ring.Length)
            {
                // Forget the oldest; its removal may shift entries, so look the free slot up again.
                Remove(_ring[_next]);
                slot = Find(id, out _);
            }
            else
            {
                _count++;
            }
            _ring[_next] = id;
            _slots[slot] = _next + 1;
            _next = _next + 1 == _ring.Length ? 0 : _next + 1;
            return true;
        }
    }

    /// <summary>
    /// Both halves through MurmurHash3's 64-bit finaliser: envelope ids from one process differ only in a counter whose
    /// low bits sit in the top byte of the Guid (Guid.GetHashCode keeps them there, and a multiplicative hash cannot
    /// move them down), which crowded a whole stream's ids into a few long probe runs.
    /// </summary>
    private int Home(Guid id)
    {
        var halves = MemoryMarshal.Cast<Guid, ulong>(new ReadOnlySpan<Guid>(in id));
        var x = halves[0] ^ BitOperations.RotateLeft(halves[1], 32);
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return (int)(x >> _shift);
    }

    private int Find(Guid id, out bool found)
    {
        var mask = _slots.Length - 1;
        for (var slot = Home(id); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                found = false;
                return slot;
            }
            if (_ring[entry - 1] == id)
            {
                found = true;
                return slot;
            }
        }
    }

    private void Remove(Guid id)
    {
        var hole = Find(id, out var found);
        if (!found)
        {
            return;
        }
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        var mask = _slots.Length - 1;
        for (var next = (hole + 1) & mask; _slots[next] != 0; next = (next + 1) & mask)
        {
            var home = Home(_ring[_slots[next] - 1]);
            // The entry at `next` may move to `hole` unless its home lies cyclically in (hole, next].
            var homeAfterHole = ((home - hole) & mask) != 0 && ((home - hole) & mask) <= ((next - hole) & mask);
            if (!homeAfterHole)
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }
        _slots[hole] = 0;
    }
}
