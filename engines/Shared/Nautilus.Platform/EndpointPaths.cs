namespace Nautilus.Platform;

/// <summary>The HTTP paths every Nautilus service serves.</summary>
public static class EndpointPaths
{
    public const string Health = "/health";
    public const string Alive = "/alive";
    public const string OpenApiDocument = "/openapi/v1.json";
    public const string Docs = "/docs";
    public const string Info = "/api/info";
}
