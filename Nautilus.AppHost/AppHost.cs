using Nautilus.AppHost.Infrastructure;
using Nautilus.Platform;

var builder = DistributedApplication.CreateBuilder(args);

var settings = PlatformSettings.From(builder.Configuration, builder.ExecutionContext.IsPublishMode, builder.AppHostDirectory);

// Infrastructure: PostgreSQL (database "nautilus") and the two buses, as containers or host processes.
var infrastructure = builder.AddNautilusInfrastructure(settings);

// The thirteen engines, each on its fixed port, in the order of the data flow.
var marketData = builder.AddEngine<Projects.Nautilus_MarketData_Engine>(EngineCatalog.MarketDataEngine, settings, infrastructure);
var features = builder.AddEngine<Projects.Nautilus_Features_Engine>(EngineCatalog.Features, settings, infrastructure)
    .WithReference(marketData); // asks MarketData for stored bars over HTTP (warm-up, features over history)
var vpin = builder.AddEngine<Projects.Nautilus_Vpin_Engine>(EngineCatalog.Vpin, settings, infrastructure)
    .WithReference(marketData); // stored daily bars: average daily volume sizes the VPIN buckets
var ml = builder.AddEngine<Projects.Nautilus_ML_Engine>(EngineCatalog.Ml, settings, infrastructure);
var factor = builder.AddEngine<Projects.Nautilus_Factor_Engine>(EngineCatalog.Factor, settings, infrastructure)
    .WithReference(marketData) // stored daily bars, sectors and shares outstanding for factor model runs
    .WithReference(features); // user-defined styles: features over the same bars
var risk = builder.AddEngine<Projects.Nautilus_Risk_Engine>(EngineCatalog.Risk, settings, infrastructure)
    .WithReference(marketData); // daily closes for portfolio VaR and historical stress
var execution = builder.AddEngine<Projects.Nautilus_Execution_Engine>(EngineCatalog.Execution, settings, infrastructure)
    .WithReference(marketData); // instruments' tick and lot sizes from the master
var strategy = builder.AddEngine<Projects.Nautilus_Strategy_Engine>(EngineCatalog.Strategy, settings, infrastructure)
    .WithReference(marketData) // instruments' terms, stored bars to warm strategies up
    .WithReference(execution); // cancels and modifies of its orders, its working orders after a restart
var portfolio = builder.AddEngine<Projects.Nautilus_Portfolio_Engine>(EngineCatalog.Portfolio, settings, infrastructure)
    .WithReference(marketData); // instruments' lot sizes and currencies for rebalancing
var collateral = builder.AddEngine<Projects.Nautilus_Collateral_Engine>(EngineCatalog.Collateral, settings, infrastructure)
    .WithReference(execution); // open positions at start-up
var analytics = builder.AddEngine<Projects.Nautilus_Analytics_Engine>(EngineCatalog.Analytics, settings, infrastructure);
var backtesting = builder.AddEngine<Projects.Nautilus_Backtesting_Engine>(EngineCatalog.Backtesting, settings, infrastructure)
    .WithReference(marketData) // stored bars of the backtests that name data instead of sending bars
                               // Sweep items run for seconds each: read two at a time so none waits in a batch long enough to be claimed
                               // again.
    .WithEnvironment("Nautilus__Bus__ReadCount", "2");
// Clients of the streaming gateway (the UI first) present this key; generated per run, a parameter when published.
var gatewayKey = builder.AddParameter("websocket-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
var websocket = builder.AddEngine<Projects.Nautilus_WebSocket_Engine>(EngineCatalog.WebSocket, settings, infrastructure)
    .WithEnvironment("Nautilus__WebSocket__ApiKeys", gatewayKey);

// The operator UI reaches every engine through service discovery.
builder.AddProject<Projects.Nautilus_Web>(InfrastructureNames.Web)
    .WithHttpEndpoint(port: settings.Ports[InfrastructureNames.Web], isProxied: false)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck(EndpointPaths.Health)
    .WithReference(marketData).WithReference(features).WithReference(vpin).WithReference(ml).WithReference(factor)
    .WithReference(strategy).WithReference(risk).WithReference(execution).WithReference(portfolio)
    .WithReference(collateral).WithReference(analytics).WithReference(backtesting).WithReference(websocket)
    .WithEnvironment("Nautilus__WebSocket__ApiKey", gatewayKey);

builder.Build().Run();
