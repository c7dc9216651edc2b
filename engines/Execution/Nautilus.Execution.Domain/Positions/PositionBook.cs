using Nautilus.Model;

namespace Nautilus.Execution.Domain.Positions;

/// <summary>
/// How fills make positions (NautilusTrader's OMS types): NETTING keeps one position per account and instrument, fills
/// net into it; HEDGING keeps a position per opening fill, and a fill naming a position id adds to or closes that one.
/// </summary>
public enum PositionMode : byte { Netting = 1, Hedging = 2 }

/// <summary>The positions of every account, built only from fills (so they can be rebuilt from stored fills).</summary>
public sealed class PositionBook(PositionMode mode)
{
    private readonly Dictionary<string, Position> _positions = [];
    private long _hedgeSeq;

    public PositionMode Mode => mode;

    public IEnumerable<Position> All => _positions.Values;

    public IEnumerable<Position> Open => _positions.Values.Where(p => !p.IsFlat);

    public Position? Find(string id) => _positions.GetValueOrDefault(id);

    /// <summary>The netted position of an account in an instrument (NETTING), or the sum of its open ones (HEDGING).</summary>
    public decimal NetQuantity(AccountId account, InstrumentId instrument)
    {
        if (mode == PositionMode.Netting)
        {
            return _positions.TryGetValue(NettingId(account, instrument), out var p) ? p.Quantity : 0;
        }

        var sum = 0m;
        foreach (var p in _positions.Values)
        {
            if (p.AccountId == account && p.InstrumentId == instrument)
            {
                sum += p.Quantity;
            }
        }

        return sum;
    }

    /// <summary>Applies a fill: the position it changed and the P&amp;L it realised.</summary>
    public (Position Position, decimal Realized) Apply(Fill fill, TradableInstrument instrument)
    {
        var id = mode == PositionMode.Netting ? NettingId(fill.AccountId, fill.InstrumentId)
            : fill.PositionId ?? $"{fill.AccountId}-{fill.InstrumentId.Symbol}-H{++_hedgeSeq}";
        if (!_positions.TryGetValue(id, out var position))
        {
            _positions[id] = position = new Position(id, fill.AccountId, fill.InstrumentId, instrument.Multiplier, instrument.Currency);
        }

        return (position, position.Apply(fill));
    }

    public static string NettingId(AccountId account, InstrumentId instrument) => $"{account}-{instrument.Symbol}";
}
