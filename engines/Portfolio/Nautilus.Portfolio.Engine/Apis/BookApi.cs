using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Model;
using Nautilus.Portfolio.Contracts;
using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Structure;
using Nautilus.Portfolio.Engine.Persistence;
using Nautilus.Portfolio.Engine.State;

namespace Nautilus.Portfolio.Engine.Apis;

/// <summary>The book: clients, households and trusts, accounts, portfolios and sleeves, created and edited here.</summary>
public static class BookApi
{
    public static IEndpointRouteBuilder MapBookApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/portfolio/nodes").WithTags("Book");
        api.MapGet("/", ListAsync).WithName("ListNodes").WithSummary("Every node of the book, parents before children.");
        api.MapGet("/{id}", GetAsync).WithName("GetNode").WithSummary("One node.");
        api.MapPost("/", CreateAsync).WithName("CreateNode")
            .WithSummary("Adds a client, household, trust, account, portfolio or sleeve under its parent.");
        api.MapPut("/{id}", UpdateAsync).WithName("UpdateNode").WithSummary("Renames a node, changes its currency or its sleeve goal.");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteNode").WithSummary("Removes a node that has no children.");
        return app;
    }

    public static async Task<IReadOnlyList<NodeView>> ListAsync(PortfolioRepository repository, CancellationToken ct)
    {
        var rows = await repository.NodesAsync(ct);
        return Views(rows);
    }

    public static async Task<Results<Ok<NodeView>, ProblemHttpResult>> GetAsync(string id, PortfolioRepository repository,
        CancellationToken ct)
    {
        var views = Views(await repository.NodesAsync(ct));
        return views.FirstOrDefault(v => v.Id == id) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("id", id, "node");
    }

    public static async Task<Results<Created<NodeView>, ValidationProblem, ProblemHttpResult>> CreateAsync(NodeRequest request,
        PortfolioRepository repository, LivePortfolios live, TimeProvider clock, CancellationToken ct)
    {
        var rows = await repository.NodesAsync(ct);
        PortfolioNode node;
        try
        {
            node = NodeOf(request, request.Id);
            var parent = node.ParentId is { } parentId
                ? rows.FirstOrDefault(r => r.Node.Id == parentId)?.Node ?? throw new PortfolioInputException("parentId",
                    $"'{parentId}' is not in the book")
                : null;
            node.Validate(parent);
            if (!await repository.CreateAsync(node, clock.GetUtcNow(), ct))
            {
                return ApiProblems.Conflict("id", node.Id, "a node with this id already exists");
            }
        }
        catch (PortfolioInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }

        var view = Views(await Refreshed(repository, live, ct)).First(v => v.Id == node.Id);
        return TypedResults.Created($"/api/portfolio/nodes/{Uri.EscapeDataString(node.Id)}", view);
    }

    public static async Task<Results<Ok<NodeView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(string id, NodeRequest request,
        PortfolioRepository repository, LivePortfolios live, TimeProvider clock, CancellationToken ct)
    {
        var rows = await repository.NodesAsync(ct);
        if (rows.FirstOrDefault(r => r.Node.Id == id)?.Node is not { } existing)
        {
            return ApiProblems.NotFound("id", id, "node");
        }

        try
        {
            var changed = NodeOf(request with { Kind = request.Kind ?? existing.Kind.ToString(), ParentId = existing.ParentId }, id);
            if (changed.Kind != existing.Kind)
            {
                throw new PortfolioInputException("kind", $"a node keeps its kind ({existing.Kind})");
            }

            if (request.ParentId is { } parentId && parentId != existing.ParentId)
            {
                throw new PortfolioInputException("parentId", "a node keeps its parent: create it again under the other one");
            }

            changed.Validate(existing.ParentId is { } p ? rows.First(r => r.Node.Id == p).Node : null);
            await repository.UpdateAsync(changed, clock.GetUtcNow(), ct);
        }
        catch (PortfolioInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }

        return TypedResults.Ok(Views(await Refreshed(repository, live, ct)).First(v => v.Id == id));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, PortfolioRepository repository,
        LivePortfolios live, CancellationToken ct)
    {
        var deleted = await repository.DeleteAsync(id, ct);
        await Refreshed(repository, live, ct);
        return deleted switch
        {
            true => TypedResults.NoContent(),
            false => ApiProblems.NotFound("id", id, "node"),
            null => ApiProblems.InvalidState("id", id, $"Node '{id}' has children: remove them first."),
        };
    }

    /// <summary>The book after a change, handed to the live valuation (base currencies, funding).</summary>
    private static async Task<IReadOnlyList<NodeRow>> Refreshed(PortfolioRepository repository, LivePortfolios live,
        CancellationToken ct)
    {
        var rows = await repository.NodesAsync(ct);
        live.SetBook([.. rows.Select(r => r.Node)]);
        return rows;
    }

    private static PortfolioNode NodeOf(NodeRequest request, string? id)
    {
        if (!Enum.TryParse<NodeKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new PortfolioInputException("kind", $"one of {string.Join(", ", Enum.GetNames<NodeKind>())}");
        }

        Currency? currency = null;
        if (request.Currency is { } code)
        {
            try
            {
                currency = Currency.Of(code);
            }
            catch (ArgumentException)
            {
                throw new PortfolioInputException("currency", $"'{code}' is not a currency code (3 to 8 upper-case letters, e.g. USD)");
            }
        }

        SleeveGoal? goal = request.Goal is { } g
            ? new SleeveGoal(g.TargetWeights ?? new Dictionary<string, double>(), g.HorizonYears, g.TargetReturn, g.Description)
            : null;
        return new PortfolioNode(id ?? "", kind, request.Name ?? "", request.ParentId, currency, goal, request.OpeningCash ?? 0);
    }

    /// <summary>Views with the currency each node reports in: its own, else its nearest ancestor's, else USD.</summary>
    private static IReadOnlyList<NodeView> Views(IReadOnlyList<NodeRow> rows)
    {
        var book = new PortfolioBook(rows.Select(r => r.Node));
        return [.. rows.Select(r =>
        {
            var node = r.Node;
            var goal = node.Goal is { } g ? new SleeveGoalEntry(g.TargetWeights, g.HorizonYears, g.TargetReturn, g.Description) : null;
            return new NodeView(node.Id, node.Kind.ToString(), node.Name, node.ParentId, book.CurrencyOf(node.Id).Code,
                node.Currency is not null, goal, r.CreatedAt, r.UpdatedAt, node.OpeningCash);
        })];
    }
}
