using Nautilus.Backtesting.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Strategy.Contracts;

namespace Nautilus.Web.Trading;

public static class TradingViewExtensions
{
    /// <summary>The Orders & Positions, Strategies and Backtests views read their engines through their typed clients (service
    /// discovery).</summary>
    public static WebApplicationBuilder AddTradingViews(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<ExecutionClient>(http => http.BaseAddress = new Uri(ExecutionClient.BaseAddress));
        builder.Services.AddHttpClient<BacktestClient>(http => http.BaseAddress = new Uri(BacktestClient.BaseAddress));
        builder.Services.AddHttpClient<StrategyClient>(http => http.BaseAddress = new Uri(StrategyClient.BaseAddress));
        return builder;
    }
}
