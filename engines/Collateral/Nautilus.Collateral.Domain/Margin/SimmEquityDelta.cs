namespace Nautilus.Collateral.Domain.Margin;

/// <summary>
/// An equity delta sensitivity: issuer, SIMM bucket (1–12, null: residual), USD value change for a 1 % rise in its price.
/// </summary>
public sealed record EquitySensitivity(string Issuer, int? Bucket, double Delta);

/// <summary>Per bucket: its margin K_b, the bounded sum S_b and the concentration factors applied.</summary>
public sealed record SimmBucketMargin(string Bucket, double Margin, double BoundedSum, double WeightedSum);

public sealed record SimmResult(string Version, double DeltaMargin, IReadOnlyList<SimmBucketMargin> Buckets);

/// <summary>
/// SIMM-style equity delta margin with the <see cref="SimmEquityParameters"/> table: per issuer the net sensitivity s_k, its weighted
/// sensitivity WS_k = RW_b s_k CR_k with CR_k = max(1, √(|s_k| / T_b)); per bucket K_b = √(Σ WS_k² + Σ_{k≠l} ρ_b f_kl WS_k WS_l),
/// f_kl = min(CR_k, CR_l) / max(CR_k, CR_l); S_b = max(min(Σ WS_k, K_b), −K_b); delta margin = √(Σ K_b² + Σ_{b≠c} γ_bc S_b S_c) +
/// K_residual. Vega, curvature and other risk classes are not included.
/// </summary>
public static class SimmEquityDelta
{
    public static SimmResult Calculate(IEnumerable<EquitySensitivity> sensitivities)
    {
        // Net per issuer within its bucket (index 0–11; 12 = residual).
        var issuers = new Dictionary<(int, string), double>();
        foreach (var s in sensitivities)
        {
            var key = (s.Bucket is { } b ? b - 1 : SimmEquityParameters.Buckets, s.Issuer);
            issuers[key] = issuers.GetValueOrDefault(key) + s.Delta;
        }

        var margins = new double[SimmEquityParameters.Buckets + 1];
        var bounded = new double[SimmEquityParameters.Buckets + 1];
        var present = new bool[SimmEquityParameters.Buckets + 1];
        var buckets = new List<SimmBucketMargin>();
        foreach (var group in issuers.GroupBy(i => i.Key.Item1).OrderBy(g => g.Key))
        {
            var b = group.Key;
            var residual = b == SimmEquityParameters.Buckets;
            var rw = residual ? SimmEquityParameters.ResidualRiskWeight : SimmEquityParameters.RiskWeights[b];
            var rho = residual ? SimmEquityParameters.ResidualCorrelation : SimmEquityParameters.IntraBucketCorrelations[b];
            var threshold = 1e6 * (residual
                ? SimmEquityParameters.ResidualConcentrationThreshold
                : SimmEquityParameters.ConcentrationThresholds[b]);
            var weighted = group.Select(i =>
            {
                var cr = Math.Max(1, Math.Sqrt(Math.Abs(i.Value) / threshold));
                return (Ws: rw * i.Value * cr, Cr: cr);
            }).ToArray();
            double squares = 0, sum = 0;
            for (var k = 0; k < weighted.Length; k++)
            {
                squares += weighted[k].Ws * weighted[k].Ws;
                sum += weighted[k].Ws;
                for (var l = 0; l < weighted.Length; l++)
                {
                    if (l != k)
                    {
                        var f = Math.Min(weighted[k].Cr, weighted[l].Cr) / Math.Max(weighted[k].Cr, weighted[l].Cr);
                        squares += rho * f * weighted[k].Ws * weighted[l].Ws;
                    }
                }
            }

            var kb = Math.Sqrt(Math.Max(squares, 0));
            (margins[b], bounded[b], present[b]) = (kb, Math.Max(Math.Min(sum, kb), -kb), true);
            buckets.Add(new SimmBucketMargin(residual ? "residual" : (b + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                kb, bounded[b], sum));
        }

        double total = 0;
        for (var b = 0; b < SimmEquityParameters.Buckets; b++)
        {
            if (!present[b])
            {
                continue;
            }

            total += margins[b] * margins[b];
            for (var c = 0; c < SimmEquityParameters.Buckets; c++)
            {
                if (c != b && present[c])
                {
                    total += SimmEquityParameters.InterBucketCorrelations[b, c] * bounded[b] * bounded[c];
                }
            }
        }

        return new SimmResult(SimmEquityParameters.Version, Math.Sqrt(Math.Max(total, 0)) + margins[SimmEquityParameters.Buckets], buckets);
    }
}

/// <summary>
/// The SIMM equity delta margin of positions: each position's delta for a 1 % rise of its underlying (shares × price × 1 %, or an
/// option's Black–Scholes delta by bumping) in the underlying's bucket. Initial and maintenance are the same.
/// </summary>
public sealed class SimmEquityMarginModel : IMarginModel
{
    public string Name => "simm-equity-delta";

    public MarginRequirement Requirement(IReadOnlyList<MarginPosition> positions)
    {
        var result = SimmEquityDelta.Calculate(positions.Select(p => new EquitySensitivity(p.Underlying, p.SimmBucket, DeltaOf(p))));
        return new MarginRequirement(Name, result.DeltaMargin, result.DeltaMargin, [.. result.Buckets.Select(b =>
            new PositionMargin("bucket " + b.Bucket, b.Margin, b.Margin))]);
    }

    /// <summary>USD change for a 1 % rise of the underlying.</summary>
    public static double DeltaOf(MarginPosition p)
    {
        if (p.Option is not { } option)
        {
            return p.Quantity * p.Price * 0.01;
        }

        double At(double spot) => BlackScholes.Value(option.Right, spot, option.Strike, option.ExpiryYears, option.Volatility);
        return p.Quantity * option.Multiplier * (At(p.UnderlyingPrice * 1.01) - At(p.UnderlyingPrice));
    }
}
