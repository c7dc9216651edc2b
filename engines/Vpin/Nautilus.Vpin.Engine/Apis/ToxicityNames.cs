using Nautilus.Model;
using Nautilus.Vpin.Domain;

namespace Nautilus.Vpin.Engine.Apis;

/// <summary>The wire names of toxicity levels and of the live stream's classifications.</summary>
public static class ToxicityNames
{
    public static readonly IReadOnlyDictionary<string, StreamClassification> Classifications =
        new Dictionary<string, StreamClassification>(StringComparer.OrdinalIgnoreCase)
        {
            ["bvc"] = StreamClassification.Bvc,
            ["tick"] = StreamClassification.Tick,
            ["lee-ready"] = StreamClassification.LeeReady,
            ["given"] = StreamClassification.Given,
        };

    public static string Of(ToxicityLevel level) => level switch
    {
        ToxicityLevel.Toxic => "toxic",
        ToxicityLevel.FlashCrash => "flash-crash",
        _ => "normal",
    };

    public static string Of(StreamClassification classification) => Classifications.First(c => c.Value == classification).Key;
}
