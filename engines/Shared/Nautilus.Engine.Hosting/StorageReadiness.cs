using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nautilus.Storage.Hosting;

namespace Nautilus.Engine.Hosting;

/// <summary>
/// Requests to <c>/api</c> wait for the engine's schema migrations. An engine answers /health while they run (degraded, so the
/// platform can start: engines migrate one after another under an advisory lock), and a request meanwhile would meet a missing
/// table. Past <see cref="Wait"/>, or when the migrations failed, the answer is 503 naming storage.
/// </summary>
public static class StorageReadiness
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static IApplicationBuilder UseStorageReadiness(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var state = context.RequestServices.GetService<StorageState>();
        if (state is null || state.Migrated.IsCompletedSuccessfully || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        try
        {
            if (state.MigrationError?.StartsWith("migration failed", StringComparison.Ordinal) != true)
            {
                await state.Migrated.WaitAsync(Wait, context.RequestAborted);
                await next(context);
                return;
            }
        }
        catch (TimeoutException)
        {
        }

        await ApiProblems.Unavailable("storage", $"The engine's schema migrations are not done: {state.MigrationError ?? "running"}.")
            .ExecuteAsync(context);
    });
}
