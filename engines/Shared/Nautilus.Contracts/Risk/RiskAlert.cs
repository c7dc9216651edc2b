using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>RISK_ALERT: a breached or approached limit, and the trading state it leads to.</summary>
[MessagePackObject]
public sealed record RiskAlert(
    [property: Key(0)] string AlertId,
    [property: Key(1)] AlertSeverity Severity,
    [property: Key(2)] string Rule,
    [property: Key(3)] string Message,
    [property: Key(4)] string? PortfolioId,
    [property: Key(5)] string? InstrumentId,
    [property: Key(6)] double Value,
    [property: Key(7)] double Limit,
    [property: Key(8)] TradingState TradingState,
    [property: Key(9)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.RiskAlert;

    [IgnoreMember]
    public string PartitionKey => PortfolioId ?? InstrumentId ?? string.Empty;
}
