using Nautilus.Backtesting.Engine.Sweeps;
using Nautilus.Contracts;
using Nautilus.Messaging;

namespace Nautilus.Backtesting.Engine.Handlers;

/// <summary>BACKTEST_WORK: a slice of a sweep for this replica to run.</summary>
public sealed class BacktestWorkHandler(SweepWorker worker) : IMessageHandler<BacktestWork>
{
    public async ValueTask HandleAsync(BacktestWork message, MessageContext context, CancellationToken ct) =>
        await worker.RunAsync(message, ct);
}
