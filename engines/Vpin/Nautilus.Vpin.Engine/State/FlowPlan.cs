using Nautilus.Vpin.Domain;

namespace Nautilus.Vpin.Engine.State;

/// <summary>
/// How an instrument's live VPIN runs: the bucket volume (null: to be sized from the tape's first window) and where it came from,
/// the window n, the classification and the alert thresholds.
/// </summary>
public sealed record FlowPlan(double? BucketVolume, string Basis, int Buckets, StreamClassification Classification,
    ToxicityThresholds Thresholds);
