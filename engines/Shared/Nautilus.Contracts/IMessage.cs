using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>A bus payload. Its type decides the bus it travels on, so a publisher never names a bus.</summary>
public interface IMessage
{
    static abstract MessageType Type { get; }

    /// <summary>Version of this payload's shape; bumped when a field changes meaning.</summary>
    static virtual ushort SchemaVersion => 1;

    /// <summary>The partition key: the instrument for market data, else whatever groups related messages.</summary>
    string PartitionKey { get; }
}
