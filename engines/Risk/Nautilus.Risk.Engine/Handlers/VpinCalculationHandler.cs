using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Risk.Engine.State;

namespace Nautilus.Risk.Engine.Handlers;

/// <summary>VPIN_CALCULATION: an instrument's toxicity level, alerted when it changes; a flash-crash warning makes it REDUCING.</summary>
public sealed class VpinCalculationHandler(LiveRisk risk) : IMessageHandler<VpinCalculation>
{
    public ValueTask HandleAsync(VpinCalculation message, MessageContext context, CancellationToken ct) => risk.OnVpinAsync(message, ct);
}
