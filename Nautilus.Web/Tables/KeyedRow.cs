namespace Nautilus.Web.Tables;

/// <summary>
/// A table row equal to any other row with the same key. MudTable keys its rows by item, and the polled views read fresh
/// items every refresh, so a row keyed by its item is rebuilt every second: a click whose press and release span a refresh
/// lands on a discarded button and is lost. Keyed by the order, deployment or run id, the row keeps its DOM and is only
/// updated.
/// </summary>
public sealed class KeyedRow<T> : IEquatable<KeyedRow<T>>
{
    private KeyedRow(string key, T value) => (Key, Value) = (key, value);

    public string Key { get; }

    public T Value { get; }

    public static IReadOnlyList<KeyedRow<T>> Of(IEnumerable<T> items, Func<T, string> key) =>
        [.. items.Select(item => new KeyedRow<T>(key(item), item))];

    public bool Equals(KeyedRow<T>? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as KeyedRow<T>);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}
