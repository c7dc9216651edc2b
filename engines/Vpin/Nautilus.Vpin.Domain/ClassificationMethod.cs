namespace Nautilus.Vpin.Domain;

/// <summary>How a trade's aggressor is inferred when the tape does not say.</summary>
public enum ClassificationMethod
{
    /// <summary>Up from the last different price: buy; down: sell (needs prices only).</summary>
    Tick,

    /// <summary>Above the quote midpoint: buy; below: sell; at it: unknown.</summary>
    Quote,

    /// <summary>Lee and Ready (1991): the quote rule, and the tick rule at the midpoint.</summary>
    LeeReady,

    /// <summary>Ellis, Michaely and O'Hara (2000): at the ask buy, at the bid sell, anywhere else the tick rule.</summary>
    Emo,
}
