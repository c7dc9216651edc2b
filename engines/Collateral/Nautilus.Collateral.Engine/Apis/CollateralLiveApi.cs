using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nautilus.Collateral.Contracts;
using Nautilus.Collateral.Domain.Allocation;
using Nautilus.Collateral.Engine.Extensions;
using Nautilus.Collateral.Engine.Models;
using Nautilus.Collateral.Engine.Persistence;
using Nautilus.Collateral.Engine.State;
using Nautilus.Engine.Hosting;

namespace Nautilus.Collateral.Engine.Apis;

/// <summary>Accounts margined live, their forecasts and margin calls; the collateral inventory and its allocation.</summary>
public static class CollateralLiveApi
{
    public static IEndpointRouteBuilder MapCollateralLiveApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collateral").WithTags("Live");
        api.MapGet("/accounts", Accounts).WithName("GetAccountMargins")
            .WithSummary("Each account's live margin: requirement, utilisation (maintenance ÷ equity), projected utilisation, " +
                "call lead time.");
        api.MapGet("/accounts/{account}/forecast", Forecast).WithName("GetAccountForecast")
            .WithSummary("An account's latest utilisation forecast, minute by minute over the horizon.");
        api.MapGet("/margin-calls", CallsAsync).WithName("GetMarginCalls").WithSummary("Published margin calls, newest first.");
        api.MapGet("/inventory",
                async (CollateralRepository repository, CancellationToken ct) => TypedResults.Ok(await repository.InventoryAsync(ct)))
            .WithName("GetInventory").WithSummary("The collateral inventory.");
        api.MapPut("/inventory/{id}", PutAssetAsync).WithName("PutInventoryAsset")
            .WithSummary("Adds or replaces an asset of the inventory (type, market value, haircut, cost).");
        api.MapDelete("/inventory/{id}", async (string id, CollateralRepository repository, CancellationToken ct) =>
            {
                await repository.SaveAssetAsync(id, null, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteInventoryAsset").WithSummary("Removes an asset from the inventory.");
        api.MapGet("/allocation", AllocationAsync).WithName("GetLiveAllocation")
            .WithSummary("The inventory allocated at least cost to the accounts' live maintenance requirements.");
        return app;
    }

    public static Ok<IReadOnlyList<AccountMarginView>> Accounts(LiveAccounts accounts) =>
        TypedResults.Ok<IReadOnlyList<AccountMarginView>>([.. accounts.Latest().Select(m => new AccountMarginView(m.Account, m.Model,
            m.Equity, m.Requirement.Initial, m.Requirement.Maintenance, ForecastViews.Finite(m.Utilisation),
            ForecastViews.Finite(m.Forecast.Path[^1].Utilisation),
            m.Forecast.CallInMinutes, m.Requirement.Positions.Count, m.At))]);

    public static Results<Ok<ForecastResponse>, ProblemHttpResult> Forecast(string account, LiveAccounts accounts) =>
        accounts.LatestOf(account) is { } m
            ? TypedResults.Ok(ForecastViews.Of(m.Model, m.Forecast))
            : ApiProblems.NotFound("account", account, "account margined live");

    public static async Task<Results<Ok<IReadOnlyList<MarginCallView>>, ValidationProblem>> CallsAsync(CollateralRepository repository,
        string? account, int? limit, CancellationToken ct) =>
        limit is < 1 or > 1_000
            ? ApiProblems.Field("limit", "is 1 to 1,000")
            : TypedResults.Ok(await repository.CallsAsync(account, limit ?? 100, ct));

    public static async Task<Results<Ok<InventoryAsset>, ValidationProblem>> PutAssetAsync(string id, CollateralAssetInput asset,
        CollateralRepository repository, TimeProvider clock, CancellationToken ct)
    {
        var problems = new InputProblems();
        var parsed = AllocationInputs.Asset(asset with { Id = id }, "", problems);
        if (problems.Any)
        {
            return ApiProblems.Fields(problems.All.Select(p => (p.Field.TrimStart('.'), p.Problem)));
        }

        var stored = new InventoryAsset(id, parsed.Type, parsed.MarketValue, parsed.Haircut, parsed.Cost, clock.GetUtcNow());
        await repository.SaveAssetAsync(id, stored, ct);
        return TypedResults.Ok(stored);
    }

    public static async Task<Ok<LiveAllocationView>> AllocationAsync(LiveAccounts accounts, CollateralRepository repository,
        IOptions<CollateralOptions> options, CancellationToken ct)
    {
        var inventory = await repository.InventoryAsync(ct);
        var types = options.Value.EligibleTypes.Count > 0 ? options.Value.EligibleTypes : [.. inventory.Select(a => a.Type).Distinct()];
        var requirements = accounts.Latest().Where(m => m.Requirement.Maintenance > 0)
            .Select(m => new CollateralRequirementInput(m.Account, m.Requirement.Maintenance, types)).ToArray();
        var result = CollateralAllocator.Allocate(
            [.. inventory.Select(a => new CollateralAsset(a.Id, a.Type, a.MarketValue, a.Haircut, a.Cost))],
            [.. requirements.Select(r => new CollateralRequirement(r.Id!, r.Amount!.Value,
                new HashSet<string>(r.EligibleTypes!, StringComparer.OrdinalIgnoreCase)))]);
        return TypedResults.Ok(new LiveAllocationView(requirements, AllocationInputs.View(result)));
    }
}
