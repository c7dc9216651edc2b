using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PORTFOLIO_UPDATE: a portfolio's valuation.</summary>
[MessagePackObject]
public sealed record PortfolioUpdate(
    [property: Key(0)] string PortfolioId,
    [property: Key(1)] decimal NetAssetValue,
    [property: Key(2)] decimal Cash,
    [property: Key(3)] decimal GrossExposure,
    [property: Key(4)] decimal NetExposure,
    [property: Key(5)] decimal UnrealizedPnl,
    [property: Key(6)] decimal RealizedPnl,
    [property: Key(7)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.PortfolioUpdate;

    [IgnoreMember]
    public string PartitionKey => PortfolioId;
}
