namespace Nautilus.Platform;

/// <summary>Names of the infrastructure resources; they are also the connection-string names engines read.</summary>
public static class InfrastructureNames
{
    public const string PostgresServer = "postgres";
    public const string Database = "nautilus";
    public const string Web = "web";

    public const int PostgresPort = 5432;
    public const int MarketDataBusPort = 6380;
    public const int EngineLogicBusPort = 6381;
    public const int WebPort = 5000;
}
