using System.Text.Json;
using MemoryPack;
using Nautilus.Model;

namespace Nautilus.UnitTests.Model;

public class ModelTypesTests
{
    private static readonly InstrumentId Aapl = InstrumentId.Parse("AAPL.XNAS");
    private static readonly UnixNanos T0 = UnixNanos.From(new DateTimeOffset(2026, 11, 30, 14, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Unix_nanos_convert_both_ways_and_print_nanoseconds()
    {
        var t = new UnixNanos(1_764_513_000_123_456_789);

        Assert.Equal("2025-11-30T14:30:00.123456789Z", t.ToString());
        Assert.Equal(new DateTimeOffset(2025, 11, 30, 14, 30, 0, 123, TimeSpan.Zero).AddTicks(4567), t.ToDateTimeOffset());
        Assert.Equal(1_764_513_000_123_456_700, UnixNanos.From(t.ToDateTimeOffset()).Value); // 100 ns is a tick
        Assert.Equal(TimeSpan.FromMinutes(1), t + TimeSpan.FromMinutes(1) - t);
        var local = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local);
        Assert.Equal(UnixNanos.From(local.ToUniversalTime()), UnixNanos.From(local));
        Assert.Equal(UnixNanos.From(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), UnixNanos.From(new DateTime(2026, 1, 1)));
        Assert.Equal("1970-01-01T00:00:00.000000000Z", UnixNanos.Epoch.ToString());
    }

    [Fact]
    public void Instrument_ids_are_symbol_dot_venue_and_a_symbol_may_hold_dots()
    {
        var brk = InstrumentId.Parse("BRK.B.XNYS");

        Assert.Equal("BRK.B", brk.Symbol);
        Assert.Equal("XNYS", brk.Venue);
        Assert.Equal("BTC-USD.COINBASE", new InstrumentId("BTC-USD", "COINBASE").ToString());
        Assert.False(InstrumentId.TryParse("AAPL", out _));
        Assert.False(InstrumentId.TryParse("AAPL.", out _));
        Assert.False(InstrumentId.TryParse("A APL.XNAS", out _));
        Assert.Throws<ArgumentException>(() => new InstrumentId("AAPL", "X.NAS"));
        Assert.Equal("\"AAPL.XNAS\"", JsonSerializer.Serialize(Aapl));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InstrumentId>("\"AAPL\""));
        Assert.Equal(new ClientOrderId("O-1"), JsonSerializer.Deserialize<ClientOrderId>("\"O-1\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StrategyId>("\"has space\""));
    }

    [Fact]
    public void Money_rounds_to_its_currency_and_refuses_to_mix_currencies()
    {
        var usd = new Money(10.005m, Currency.USD);

        Assert.Equal(10.00m, usd.Amount); // half to even
        Assert.Equal("10.02 USD", (usd + new Money(0.015m, Currency.USD)).ToString());
        Assert.Equal(0, Currency.Of("JPY").Precision);
        Assert.Equal(8, Currency.Of("BTC").Precision);
        Assert.Throws<InvalidOperationException>(() => usd + new Money(1m, Currency.EUR));
        Assert.Equal("9.20 EUR", usd.ConvertTo(Currency.EUR, 0.92m).ToString());
        Assert.Throws<ArgumentException>(() => Currency.Of("usd"));
    }

    [Fact]
    public void Each_kind_of_market_data_is_its_own_type_on_the_wire()
    {
        var bar = new Bar(new BarType(Aapl, 60), Price.Parse("100.00"), Price.Parse("101.50"), Price.Parse("99.75"),
            Price.Parse("101.00"), Quantity.Parse("1200"), 37, T0);
        IMarketData[] data =
        [
            new TradeTick(Aapl, Price.Parse("100.01"), Quantity.Parse("5"), AggressorSide.Buyer, new TradeId("T1"), T0),
            new QuoteTick(Aapl, Price.Parse("100.00"), Quantity.Parse("3"), Price.Parse("100.02"), Quantity.Parse("4"), T0),
            new OrderBookSnapshot(Aapl, [new BookLevel(Price.Parse("100.00"), Quantity.Parse("3"), 2)],
                [new BookLevel(Price.Parse("100.02"), Quantity.Parse("4"), 1)], T0),
            bar,
            new OrderBookDelta(Aapl, BookAction.Update, OrderSide.Sell, Price.Parse("100.02"), Quantity.Parse("7"), 2, T0),
        ];

        foreach (var item in data)
        {
            var back = MemoryPackSerializer.Deserialize<IMarketData>(MemoryPackSerializer.Serialize(item));
            Assert.IsType(item.GetType(), back);
            Assert.Equal(item.InstrumentId, back!.InstrumentId);
            Assert.Equal(item.TsEvent, back.TsEvent);
        }

        var barBack = (Bar)MemoryPackSerializer.Deserialize<IMarketData>(MemoryPackSerializer.Serialize<IMarketData>(bar))!;
        Assert.Equal(bar, barBack);
        Assert.Equal(2, barBack.High.Precision);
        Assert.Equal(T0 + TimeSpan.FromMinutes(1), barBack.TsClose);
        Assert.Equal("AAPL.XNAS-60s-LAST", bar.BarType.ToString());
        // JSON with the web defaults (no enum converter) reads back the bar a gateway frame carries.
        var json = JsonSerializer.Serialize<IMarketData>(bar, JsonSerializerOptions.Web);
        Assert.Contains("\"type\":\"bar\"", json);
        Assert.Contains("\"priceType\":\"Last\"", json);
        Assert.Equal(bar, JsonSerializer.Deserialize<Bar>(json, JsonSerializerOptions.Web));
        Assert.Equal(bar, JsonSerializer.Deserialize<IMarketData>(json, JsonSerializerOptions.Web));
        var fee = new Money(1.25m, Currency.USD);
        Assert.Equal(fee, JsonSerializer.Deserialize<Money>(JsonSerializer.Serialize(fee)));
        Assert.Empty(bar.Problems());
        Assert.Equal(3, (bar with { Low = Price.Parse("102") }).Problems().Count); // low above high, open and close below low
    }

    [Fact]
    public void A_quotes_mid_is_exact_one_place_finer()
    {
        var quote = new QuoteTick(Aapl, Price.Parse("100.01"), Quantity.Parse("1"), Price.Parse("100.02"), Quantity.Parse("1"), T0);

        Assert.Equal("100.015", quote.Mid.ToString());
        Assert.Equal("0.01", quote.Spread.ToString());
    }
}
