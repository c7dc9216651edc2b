using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Engine.State;
using Nautilus.Messaging;

namespace Nautilus.Execution.Engine.Handlers;

/// <summary>ORDER_REQUEST: the order enters the OMS (INITIALIZED, waiting for its pre-trade result), its instrument looked up
/// first.</summary>
public sealed class OrderRequestHandler(LiveExecution live, InstrumentDirectory instruments, ExecutionStartup startup)
    : IMessageHandler<OrderRequest>
{
    public async ValueTask HandleAsync(OrderRequest message, MessageContext context, CancellationToken ct)
    {
        await startup.Done.WaitAsync(ct);
        if (await instruments.GetAsync(message.InstrumentId.Symbol, ct) is { } instrument)
        {
            live.AddInstrument(instrument);
        }

        live.OnOrderRequest(message);
    }
}
