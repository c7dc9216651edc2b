using MudBlazor.Services;
using Nautilus.Web.Analytics;
using Nautilus.Web.Collateral;
using Nautilus.Web.Components;
using Nautilus.Web.Factor;
using Nautilus.Web.Health;
using Nautilus.Web.Market;
using Nautilus.Web.Portfolio;
using Nautilus.Web.Risk;
using Nautilus.Web.Trading;
using Nautilus.Web.Vpin;

var builder = WebApplication.CreateBuilder(args);
// Serve framework assets (blazor.web.js) from the build output in every environment, not only Development;
// a published app carries them in wwwroot and this is then a no-op.
builder.WebHost.UseStaticWebAssets();
builder.AddServiceDefaults();
builder.AddPlatformHealth();
builder.AddMarket();
builder.AddRiskView();
builder.AddAnalyticsView();
builder.AddTradingViews();
builder.AddPortfolioViews();
builder.AddFactorView();
builder.AddVpinView();
builder.AddCollateralView();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();
app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
