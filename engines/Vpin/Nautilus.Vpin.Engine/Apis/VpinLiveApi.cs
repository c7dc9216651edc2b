using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Vpin.Contracts;
using Nautilus.Vpin.Engine.State;

namespace Nautilus.Vpin.Engine.Apis;

/// <summary>What the engine measures on the live tape.</summary>
public static class VpinLiveApi
{
    public static IEndpointRouteBuilder MapVpinLiveApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/vpin/accuracy", Accuracy).WithTags("Live").WithName("GetClassificationAccuracy")
            .WithSummary("Per instrument, how often each rule (tick, quote, lee-ready, emo) names the aggressor the tape reports; a " +
                "trade a rule leaves unknown counts as wrong and is also counted apart.");
        return app;
    }

    public static Ok<IReadOnlyList<InstrumentAccuracy>> Accuracy(LiveFlows flows) =>
        TypedResults.Ok<IReadOnlyList<InstrumentAccuracy>>([.. flows.Accuracy().Select(a => new InstrumentAccuracy(a.Symbol, a.Trades,
            [.. a.Rules.Select(r => new RuleAccuracy(VpinCalculationsApi.NameOf(r.Method), r.Accuracy, r.Unknown))]))]);
}
