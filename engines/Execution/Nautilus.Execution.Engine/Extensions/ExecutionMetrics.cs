using System.Diagnostics.Metrics;

namespace Nautilus.Execution.Engine.Extensions;

/// <summary>What the Execution engine counts: order changes by status, fills and their notional.</summary>
public sealed class ExecutionMetrics : IDisposable
{
    public const string MeterName = "Nautilus.Execution";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _orders;
    private readonly Counter<long> _fills;
    private readonly Counter<double> _notional;

    public ExecutionMetrics()
    {
        _orders = _meter.CreateCounter<long>("nautilus.execution.orders", "{change}", "Order state changes by status");
        _fills = _meter.CreateCounter<long>("nautilus.execution.fills", "{fill}", "Fills of the paper venue");
        _notional = _meter.CreateCounter<double>("nautilus.execution.notional", "{currency}", "Notional filled");
    }

    public void Order(string status) => _orders.Add(1, new KeyValuePair<string, object?>("status", status));

    public void Filled(double notional)
    {
        _fills.Add(1);
        _notional.Add(notional);
    }

    public void Dispose() => _meter.Dispose();
}
