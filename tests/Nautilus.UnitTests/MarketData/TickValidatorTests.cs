using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.Model;

namespace Nautilus.UnitTests.MarketData;

public sealed class TickValidatorTests
{
    private readonly TickValidator _validator = new(symbol => symbol is "AAPL" or "MSFT");

    [Theory]
    [InlineData("ZZZZ", 100.0, 10.0, RejectReason.UnknownSymbol)]
    [InlineData("AAPL", double.NaN, 10.0, RejectReason.NotFinite)]
    [InlineData("AAPL", 0.0, 10.0, RejectReason.NonPositivePrice)]
    [InlineData("AAPL", -1.0, 10.0, RejectReason.NonPositivePrice)]
    [InlineData("AAPL", 100.0, 0.0, RejectReason.NonPositiveSize)]
    public void Bad_trades_are_rejected_with_their_reason(string symbol, double price, double size, RejectReason reason)
    {
        Assert.Equal(reason, _validator.Validate(Tick.Trade(symbol, 1, 1, price, size, AggressorSide.Buyer)));
        Assert.Equal(1, _validator.Rejected[reason]);
        Assert.Equal(0, _validator.Accepted);
    }

    [Fact]
    public void Crossed_or_locked_quotes_are_rejected()
    {
        Assert.Equal(RejectReason.CrossedBook, _validator.Validate(Tick.Quote("AAPL", 1, 1, 101, 5, 100, 5)));
        Assert.Equal(RejectReason.CrossedBook, _validator.Validate(Tick.Quote("AAPL", 1, 2, 100, 5, 100, 5)));
        Assert.Null(_validator.Validate(Tick.Quote("AAPL", 1, 3, 99.99, 5, 100, 5)));
    }

    [Fact]
    public void Out_of_order_and_duplicate_ticks_are_rejected_per_instrument_and_kind()
    {
        Assert.Null(_validator.Validate(Tick.Trade("AAPL", 2_000, 10, 100, 1, AggressorSide.Buyer)));
        Assert.Equal(RejectReason.Duplicate, _validator.Validate(Tick.Trade("AAPL", 2_000, 10, 100, 1, AggressorSide.Buyer)));
        Assert.Equal(RejectReason.OutOfOrder, _validator.Validate(Tick.Trade("AAPL", 1_000, 11, 100, 1, AggressorSide.Buyer)));
        // Another instrument, and quotes of the same one, have their own clocks.
        Assert.Null(_validator.Validate(Tick.Trade("MSFT", 1_000, 1, 300, 1, AggressorSide.Seller)));
        Assert.Null(_validator.Validate(Tick.Quote("AAPL", 1_500, 1, 99, 1, 101, 1)));
        // Without sequence numbers, the same trade at the same time is a duplicate; a different one is not.
        Assert.Null(_validator.Validate(Tick.Trade("MSFT", 2_000, 0, 300, 1, AggressorSide.Seller)));
        Assert.Equal(RejectReason.Duplicate, _validator.Validate(Tick.Trade("MSFT", 2_000, 0, 300, 1, AggressorSide.Seller)));
        Assert.Null(_validator.Validate(Tick.Trade("MSFT", 2_000, 0, 300.5, 1, AggressorSide.Seller)));

        Assert.Equal(5, _validator.Accepted);
        Assert.Equal(3, _validator.RejectedTotal);
    }
}
