using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Portfolio.Engine.State;

namespace Nautilus.Portfolio.Engine.Apis;

/// <summary>Why a portfolio cannot be valued yet, as every endpoint that needs its valuation answers it.</summary>
public static class PortfolioProblems
{
    public static ProblemHttpResult NotValued(PortfolioState state) => state.Unpriced.Count > 0
        ? ApiProblems.InvalidState("prices", string.Join(",", state.Unpriced),
            $"No price yet for {string.Join(", ", state.Unpriced)}: portfolio '{state.PortfolioId}' is valued once each holding has one.")
        : ApiProblems.InvalidState("fxRates", state.BaseCurrency, $"Portfolio '{state.PortfolioId}' cannot be valued: {state.Problem}.");
}
