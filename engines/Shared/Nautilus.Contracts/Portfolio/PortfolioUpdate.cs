using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PORTFOLIO_UPDATE: a portfolio's valuation.</summary>
[MemoryPackable]
public sealed partial record PortfolioUpdate(
    string PortfolioId,
    decimal NetAssetValue,
    decimal Cash,
    decimal GrossExposure,
    decimal NetExposure,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.PortfolioUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => PortfolioId;
}
