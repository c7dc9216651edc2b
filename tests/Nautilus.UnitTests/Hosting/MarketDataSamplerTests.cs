using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Nautilus.UnitTests.Hosting;

public sealed class MarketDataSamplerTests
{
    private static SamplingDecision Decide(Sampler sampler, string name, ActivityTraceId? traceId = null) =>
        sampler.ShouldSample(new SamplingParameters(default, traceId ?? ActivityTraceId.CreateRandom(), name, ActivityKind.Producer)).Decision;

    [Fact]
    public void Market_data_publishes_start_a_trace_one_time_in_n_and_everything_else_is_recorded()
    {
        var sampler = new MarketDataSampler(0.01);
        var sampled = Enumerable.Range(0, 20_000).Count(_ => Decide(sampler, "publish MARKET_DATA") == SamplingDecision.RecordAndSample);
        Assert.InRange(sampled, 120, 280); // 1 % of 20,000, give or take the randomness of trace ids

        Assert.Equal(SamplingDecision.Drop, Decide(sampler, "consume MARKET_DATA")); // its publish was not sampled
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, "publish RISK_ALERT"));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, "consume ORDER_REQUEST"));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, "GET /api/quotes/{symbol}"));
        Assert.Equal(SamplingDecision.Drop, Decide(new MarketDataSampler(0), "publish PRICE_UPDATE"));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(new MarketDataSampler(1), "publish PRICE_UPDATE"));
    }
}
