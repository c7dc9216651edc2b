using Nautilus.Platform;

namespace Nautilus.Web.Market;

/// <summary>How the UI reaches the streaming gateway (section <c>Nautilus:WebSocket</c>): the key it presents.</summary>
public sealed class GatewayConnectionOptions : IValidatedOptions
{
    public const string Section = "Nautilus:WebSocket";

    /// <summary>One of the gateway's keys; the AppHost passes its websocket-api-key parameter to both.</summary>
    public string ApiKey { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{Section}:{nameof(ApiKey)} is empty: the UI needs one of the gateway's keys for its live view.";
        }
    }
}
