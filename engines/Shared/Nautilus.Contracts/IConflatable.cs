namespace Nautilus.Contracts;

/// <summary>
/// A message that may be replaced by a newer one of the same key when the publish queue is full (latest price wins).
/// A null key means this instance must not be conflated (a trade print, say) and waits like a business message.
/// </summary>
public interface IConflatable
{
    string? ConflationKey { get; }
}
