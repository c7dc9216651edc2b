using Nautilus.Model;

namespace Nautilus.Strategy.Domain.Builtins;

/// <summary>Per-instrument state of a strategy, found by instrument without hashing for the usual one or two instruments.</summary>
internal sealed class InstrumentSlots<T>(IReadOnlyList<InstrumentId> instruments, Func<InstrumentId, T> create)
{
    private readonly InstrumentId[] _ids = [.. instruments];
    private readonly T[] _slots = [.. instruments.Select(create)];

    public int Count => _ids.Length;

    public T this[int index] => _slots[index];

    public int IndexOf(InstrumentId id)
    {
        for (var i = 0; i < _ids.Length; i++)
        {
            if (_ids[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGet(InstrumentId id, out T slot)
    {
        var i = IndexOf(id);
        slot = i >= 0 ? _slots[i] : default!;
        return i >= 0;
    }
}
