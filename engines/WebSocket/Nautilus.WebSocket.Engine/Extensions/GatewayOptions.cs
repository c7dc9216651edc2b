using Nautilus.Platform;

namespace Nautilus.WebSocket.Engine.Extensions;

/// <summary>Settings of the streaming gateway (section <c>Nautilus:WebSocket</c>).</summary>
public sealed class GatewayOptions : IValidatedOptions
{
    public const string Section = "Nautilus:WebSocket";

    /// <summary>Shortest key accepted: a key is the only thing between the internet and every price and position.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// The keys clients may present (header <c>X-Api-Key</c> or query <c>apiKey</c>), comma-separated; the AppHost
    /// generates one.
    /// </summary>
    public string ApiKeys { get; set; } = "";

    public IReadOnlyList<string> Keys => ApiKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<string> Problems()
    {
        if (Keys.Count == 0)
        {
            yield return $"{Section}:{nameof(ApiKeys)} is empty: give at least one key " +
                         "(the AppHost passes its websocket-api-key parameter).";
        }

        foreach (var key in Keys.Where(k => k.Length < MinKeyLength))
        {
            yield return $"{Section}:{nameof(ApiKeys)}: a key of {key.Length} characters is too short to be guess-proof; " +
                         $"use {MinKeyLength} or more.";
        }
    }
}
