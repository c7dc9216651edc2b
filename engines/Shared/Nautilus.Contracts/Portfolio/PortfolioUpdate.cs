using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PORTFOLIO_UPDATE: a portfolio's valuation.</summary>
[MemoryPackable]
public sealed partial record PortfolioUpdate(
    PortfolioId PortfolioId,
    Money NetAssetValue,
    Money Cash,
    Money GrossExposure,
    Money NetExposure,
    Money UnrealizedPnl,
    Money RealizedPnl,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.PortfolioUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => PortfolioId.Value;
}
