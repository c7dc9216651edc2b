using Nautilus.Platform;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Head sampling for the bus's own spans: a trace starts at one market-data publish in <c>1/ratio</c> (the marketdata
/// bus carries tens of thousands of messages a second; a span per message in every consuming engine cost more than
/// the messages), while every other root span — requests, business messages — is recorded. A market-data consume span
/// without a parent belongs to a publish that was not sampled, so it is dropped too; children follow their parent.
/// </summary>
public sealed class MarketDataSampler(double ratio) : Sampler
{
    private readonly TraceIdRatioBasedSampler _marketData = new(Math.Clamp(ratio, 0, 1));
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters parameters)
    {
        var name = parameters.Name;
        var space = name.IndexOf(' ');
        if (space > 0 && MessageRouting.FromWireName(name[(space + 1)..]) is { } type && MessageRouting.BusOf(type) == Bus.MarketData)
        {
            return name.StartsWith("publish ", StringComparison.Ordinal) ? _marketData.ShouldSample(parameters) : Drop;
        }

        return Record;
    }
}
