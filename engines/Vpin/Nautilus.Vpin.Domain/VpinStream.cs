using Nautilus.Model;

namespace Nautilus.Vpin.Domain;

/// <summary>How a live stream splits volume: each trade by a rule, the tape's own side, or bulk volume over time bars.</summary>
public enum StreamClassification
{
    Bvc,
    Tick,
    LeeReady,
    Given,
}

/// <summary>
/// The settings of a live VPIN stream: bucket volume V, n buckets, the classification, for BVC the bar and σ window, and how many
/// VPIN values the CDF remembers.
/// </summary>
public sealed record VpinStreamSettings(double BucketVolume, int Buckets = 50, StreamClassification Classification =
    StreamClassification.Bvc, long BarNanos = 60_000_000_000, int DispersionWindow = 500, int CdfWindow = 10_000);

/// <summary>A full bucket and the VPIN and CDF after it (NaN until n buckets are full).</summary>
public readonly record struct VpinUpdate(long TsNanos, double Vpin, double Cdf, double BuyVolume, double SellVolume, double Price,
    long Bucket);

/// <summary>
/// VPIN of one instrument, trade by trade: classified (by a rule per trade, or by bulk volume when a time bar closes), bucketed,
/// the rolling VPIN and its empirical CDF after every full bucket. Not thread-safe: one per instrument, fed in time order.
/// </summary>
public sealed class VpinStream
{
    private readonly VpinStreamSettings _settings;
    private readonly TradeClassifier? _rule;
    private readonly VolumeBucketer _bucketer;
    private readonly VpinCalculator _vpin;
    private readonly EmpiricalCdf _cdf;
    private readonly RollingDispersion _dispersion;
    private Sink _sink;

    // BVC: the time bar being built and the close of the one before.
    private long _barSlot = long.MinValue, _barEnd;
    private double _barVolume, _barClose, _previousClose = double.NaN;

    public VpinStream(VpinStreamSettings settings)
    {
        _settings = settings;
        _bucketer = new VolumeBucketer(settings.BucketVolume);
        _vpin = new VpinCalculator(settings.Buckets, settings.BucketVolume);
        _cdf = new EmpiricalCdf(settings.CdfWindow);
        _dispersion = new RollingDispersion(settings.DispersionWindow);
        _rule = settings.Classification switch
        {
            StreamClassification.Tick => new TradeClassifier(ClassificationMethod.Tick),
            StreamClassification.LeeReady => new TradeClassifier(ClassificationMethod.LeeReady),
            _ => null,
        };
        _sink = new Sink(this);
    }

    public VpinStreamSettings Settings => _settings;

    public long Buckets { get; private set; }

    public double Vpin => _vpin.Current;

    /// <summary>How many VPIN values the CDF holds (alerts wait for enough history).</summary>
    public int CdfHistory => _cdf.Count;

    /// <summary>
    /// A trade: returns the number of buckets it completed (their updates go to <paramref name="updates"/>, usually 0 or 1).
    /// <paramref name="bid"/>/<paramref name="ask"/> are the quote in force (Lee–Ready), <paramref name="side"/> the tape's.
    /// </summary>
    public int OnTrade(long tsNanos, double price, double size, double bid, double ask, AggressorSide side, List<VpinUpdate> updates)
    {
        _sink.Updates = updates;
        switch (_settings.Classification)
        {
            case StreamClassification.Given:
                return _bucketer.Add(size, VolumeBucketer.BuyShareOf(side), tsNanos, price, ref _sink);
            case StreamClassification.Tick or StreamClassification.LeeReady:
                return _bucketer.Add(size, VolumeBucketer.BuyShareOf(_rule!.Classify(price, bid, ask)), tsNanos, price, ref _sink);
            default:
                var slot = BulkVolumeClassifier.BarStart(tsNanos, _settings.BarNanos);
                var completed = 0;
                if (slot != _barSlot)
                {
                    completed = CloseBar();
                    _barSlot = slot;
                }

                (_barVolume, _barClose, _barEnd) = (_barVolume + size, price, tsNanos);
                return completed;
        }
    }

    /// <summary>Closes the BVC bar being built (a time bar also closes when the first trade of the next one arrives).</summary>
    public int CloseBar()
    {
        if (_barVolume <= 0)
        {
            return 0;
        }

        var change = double.IsFinite(_previousClose) ? _barClose - _previousClose : double.NaN;
        var share = BulkVolumeClassifier.BuyShare(change, _dispersion.StandardDeviation);
        if (double.IsFinite(change))
        {
            _dispersion.Add(change);
        }

        _previousClose = _barClose;
        var volume = _barVolume;
        _barVolume = 0;
        return _bucketer.Add(volume, share, _barEnd, _barClose, ref _sink);
    }

    private struct Sink(VpinStream stream) : IBucketSink
    {
        public List<VpinUpdate>? Updates { get; set; }

        public readonly void Completed(VolumeBucket bucket)
        {
            var vpin = stream._vpin.Add(bucket);
            stream._cdf.Add(vpin);
            stream.Buckets++;
            Updates?.Add(new VpinUpdate(bucket.EndNanos, vpin, double.IsFinite(vpin) ? stream._cdf.Cdf(vpin) : double.NaN,
                bucket.BuyVolume, bucket.SellVolume, bucket.LastPrice, stream.Buckets));
        }
    }
}
