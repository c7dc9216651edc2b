using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>RISK_ALERT: a breached or approached limit, and the trading state it leads to.</summary>
[MemoryPackable]
public sealed partial record RiskAlert(
    string AlertId,
    AlertSeverity Severity,
    string Rule,
    string Message,
    PortfolioId? PortfolioId,
    InstrumentId? InstrumentId,
    double Value,
    double Limit,
    TradingState TradingState,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.RiskAlert;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId?.Symbol ?? PortfolioId?.Value ?? "";
}
