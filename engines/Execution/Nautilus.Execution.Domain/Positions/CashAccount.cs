using Nautilus.Model;

namespace Nautilus.Execution.Domain.Positions;

/// <summary>
/// An account's cash in one currency: buys pay quantity × price × multiplier plus commission, sells receive it less
/// commission. Cash may go below zero (a margin loan): sizing is the strategy's and the risk limits' job, not the
/// ledger's.
/// </summary>
public sealed class CashAccount(AccountId id, Currency currency, decimal initialCash)
{
    public AccountId Id { get; } = id;

    public Currency Currency { get; } = currency;

    public decimal InitialCash { get; } = initialCash;

    public decimal Cash { get; private set; } = initialCash;

    public decimal Commissions { get; private set; }

    public void Apply(Fill fill, decimal multiplier)
    {
        Cash -= fill.Signed * fill.Price * multiplier + fill.Fee;
        Commissions += fill.Fee;
    }
}
