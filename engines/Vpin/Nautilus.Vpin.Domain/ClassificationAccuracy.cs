using Nautilus.Model;

namespace Nautilus.Vpin.Domain;

/// <summary>
/// How often each rule names a trade's aggressor as the tape reports it: a trade the rule leaves unknown counts as classified
/// wrongly (as Lee and Ready's and Ellis, Michaely and O'Hara's accuracy tables count it), and is also counted apart.
/// </summary>
public sealed class ClassificationAccuracy
{
    private static readonly ClassificationMethod[] Methods = Enum.GetValues<ClassificationMethod>();
    private readonly TradeClassifier[] _classifiers = [.. Methods.Select(m => new TradeClassifier(m))];
    private readonly long[] _correct = new long[Methods.Length];
    private readonly long[] _unknown = new long[Methods.Length];

    /// <summary>Trades judged: those whose aggressor the tape reports.</summary>
    public long Trades { get; private set; }

    /// <summary>Classifies a trade by every rule with the quote in force and, when the tape reports the aggressor, tallies it.</summary>
    public void Add(double price, double bid, double ask, AggressorSide reported)
    {
        var judged = reported is AggressorSide.Buyer or AggressorSide.Seller;
        Trades += judged ? 1 : 0;
        for (var k = 0; k < _classifiers.Length; k++)
        {
            var side = _classifiers[k].Classify(price, bid, ask);
            if (judged)
            {
                _correct[k] += side == reported ? 1 : 0;
                _unknown[k] += side == AggressorSide.None ? 1 : 0;
            }
        }
    }

    /// <summary>Per rule: the share named right and the share left unknown (NaN before any trade is judged).</summary>
    public IReadOnlyList<(ClassificationMethod Method, double Accuracy, double Unknown)> Shares() =>
        [.. Methods.Select((m, k) => (m, Share(_correct[k]), Share(_unknown[k])))];

    public long Correct(ClassificationMethod method) => _correct[Array.IndexOf(Methods, method)];

    private double Share(long count) => Trades > 0 ? (double)count / Trades : double.NaN;
}
