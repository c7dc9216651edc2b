using Nautilus.Contracts;
using Nautilus.Execution.Engine.State;
using Nautilus.Messaging;

namespace Nautilus.Execution.Engine.Handlers;

/// <summary>PRE_TRADE_RESULT: the Risk engine's verdict releases the order to the paper venue or denies it.</summary>
public sealed class PreTradeResultHandler(LiveExecution live, ExecutionStartup startup) : IMessageHandler<PreTradeResult>
{
    public async ValueTask HandleAsync(PreTradeResult message, MessageContext context, CancellationToken ct)
    {
        await startup.Done.WaitAsync(ct);
        live.OnPreTradeResult(message);
    }
}
