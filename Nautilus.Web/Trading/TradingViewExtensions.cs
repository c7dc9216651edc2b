using Nautilus.Backtesting.Contracts;
using Nautilus.Execution.Contracts;

namespace Nautilus.Web.Trading;

public static class TradingViewExtensions
{
    /// <summary>The Orders & Positions and Backtests views read their engines through their typed clients (service discovery).</summary>
    public static WebApplicationBuilder AddTradingViews(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<ExecutionClient>(http => http.BaseAddress = new Uri(ExecutionClient.BaseAddress));
        builder.Services.AddHttpClient<BacktestClient>(http => http.BaseAddress = new Uri(BacktestClient.BaseAddress));
        return builder;
    }
}
