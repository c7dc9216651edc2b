using System.Numerics;
using System.Runtime.InteropServices;

namespace Nautilus.Messaging;

/// <summary>
/// The last N envelope ids this process handled: drops the repeats a publisher's retry after a partial write can
/// cause. Bounded, so it costs the same at any rate. A ring of ids in arrival order indexed by an open-addressing
/// table (linear probing, at most half full, backward-shift deletion): one array probe per id where a HashSet plus an
/// eviction queue cost two hash operations and 6 % of the bus benchmark's CPU. Each slot holds the id's ring position
/// and the high half of its hash, so a probe, an eviction and a backward shift read the ring only to confirm a match:
/// at 200,000 ids the table and the ring are megabytes, and every ring read was a cache miss.
/// </summary>
public sealed class RecentIds
{
    private readonly Guid[] _ring;
    // High 32 bits: the high half of the id's hash; low 32 bits: its ring position + 1. 0 = empty.
    private readonly long[] _slots;
    private readonly int _shift;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public RecentIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 29);
        _ring = new Guid[capacity];
        var size = BitOperations.RoundUpToPowerOf2((uint)capacity * 2);
        _slots = new long[size];
        _shift = 64 - BitOperations.Log2(size); // at least 34: a slot's home is in the hash's high half
    }

    /// <summary>True when the id was not seen yet (and is now remembered).</summary>
    public bool Add(Guid id)
    {
        var hash = Hash(id);
        lock (_lock)
        {
            var slot = Find(id, hash, out var found);
            if (found)
            {
                return false;
            }
            if (_count == _ring.Length)
            {
                // Forget the oldest; its removal may shift entries, so look the free slot up again.
                RemoveAt(_next);
                slot = Find(id, hash, out _);
            }
            else
            {
                _count++;
            }
            _ring[_next] = id;
            _slots[slot] = (long)(hash & 0xFFFF_FFFF_0000_0000UL) | (uint)(_next + 1);
            _next = _next + 1 == _ring.Length ? 0 : _next + 1;
            return true;
        }
    }

    /// <summary>
    /// Both halves through MurmurHash3's 64-bit finaliser: envelope ids from one process differ only in a counter whose
    /// low bits sit in the top byte of the Guid (Guid.GetHashCode keeps them there, and a multiplicative hash cannot
    /// move them down), which crowded a whole stream's ids into a few long probe runs.
    /// </summary>
    private static ulong Hash(Guid id)
    {
        var halves = MemoryMarshal.Cast<Guid, ulong>(new ReadOnlySpan<Guid>(in id));
        var x = halves[0] ^ BitOperations.RotateLeft(halves[1], 32);
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    private int Home(ulong hash) => (int)(hash >> _shift);

    // The slot of an entry's home, from the hash half it keeps.
    private int HomeOf(long entry) => Home((ulong)entry & 0xFFFF_FFFF_0000_0000UL);

    private int Find(Guid id, ulong hash, out bool found)
    {
        var mask = _slots.Length - 1;
        var high = (uint)(hash >> 32);
        for (var slot = Home(hash); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                found = false;
                return slot;
            }
            if ((uint)((ulong)entry >> 32) == high && _ring[(int)(uint)entry - 1] == id)
            {
                found = true;
                return slot;
            }
        }
    }

    /// <summary>Removes the id at a ring position (found by its position, not by comparing ids).</summary>
    private void RemoveAt(int position)
    {
        var mask = _slots.Length - 1;
        var hole = Home(Hash(_ring[position]));
        while ((uint)_slots[hole] != (uint)(position + 1))
        {
            if (_slots[hole] == 0)
            {
                return; // not in the table (cannot happen while the ring and the table agree)
            }
            hole = (hole + 1) & mask;
        }
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        for (var next = (hole + 1) & mask; _slots[next] != 0; next = (next + 1) & mask)
        {
            var home = HomeOf(_slots[next]);
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
