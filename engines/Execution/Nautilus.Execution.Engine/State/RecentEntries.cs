namespace Nautilus.Execution.Engine.State;

/// <summary>
/// Entries kept for a message that may never be followed up (a verdict for an order never seen, an order whose verdict never
/// comes): an entry is forgotten once <c>capacity</c> newer ones have been added, so memory stays bounded.
/// </summary>
public sealed class RecentEntries<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries = [];
    private readonly Queue<TKey> _added = new();

    public int Count => _entries.Count;

    public void Add(TKey key, TValue value)
    {
        _entries[key] = value;
        _added.Enqueue(key);
        while (_added.Count > capacity && _added.TryDequeue(out var old))
        {
            _entries.Remove(old);
        }
    }

    public bool Remove(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        _entries.Remove(key, out value);
}
