using System.Diagnostics;
using System.Threading.Channels;
using Nautilus.Model;
using Nautilus.Vpin.Domain;

namespace Nautilus.Vpin.Engine.State;

/// <summary>
/// A full bucket of an instrument on its way to the bus and the store: the VPIN update, the level after it, the change of level it
/// caused, the bucket volume and window, and the trace of the trade that completed it (so the publication continues that trace).
/// </summary>
public sealed record VpinOutput(InstrumentId Instrument, int PricePrecision, VpinUpdate Update, ToxicityLevel Level,
    ToxicityChange? Change, double BucketVolume, int Window, ActivityContext Parent);

/// <summary>Full buckets queue here (a handful a minute per instrument) so the tape's handler never waits for the database.</summary>
public sealed class VpinOutbox
{
    private readonly Channel<VpinOutput> _channel =
        Channel.CreateUnbounded<VpinOutput>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<VpinOutput> Reader => _channel.Reader;

    public void Add(VpinOutput output) => _channel.Writer.TryWrite(output);
}
