using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Portfolio.Engine.Extensions;
using Nautilus.Portfolio.Engine.Persistence;
using Nautilus.Portfolio.Engine.State;

namespace Nautilus.Portfolio.Engine.Handlers;

/// <summary>TRADE_EXECUTION: the fill is stored against its portfolio (the account it was booked to), then booked and valued.</summary>
public sealed class TradeExecutionHandler(LivePortfolios live, PortfolioStartup startup, PortfolioRepository repository,
    Channel<Valuation> valuations, PortfolioMetrics metrics) : IMessageHandler<TradeExecution>
{
    public async ValueTask HandleAsync(TradeExecution message, MessageContext context, CancellationToken ct)
    {
        if (message.AccountId is not { } account)
        {
            metrics.FillWithoutAccount();
            return;
        }

        await startup.Done.WaitAsync(ct);
        var quantity = message.Quantity.AsDouble() * (message.Side == OrderSide.Buy ? 1 : -1);
        var fill = new BookedFill(message.TradeId.Value, account.Value, message.ClientOrderId.Value, message.InstrumentId.Symbol,
            quantity, message.Price.AsDouble(), (double)message.Fee.Amount, message.Fee.Currency.Code, message.TsEvent);
        await repository.InsertFillAsync(fill, ct);
        var (booked, valued) = live.Book(fill);
        if (booked)
        {
            metrics.FillBooked();
        }

        if (valued is not null)
        {
            await valuations.Writer.WriteAsync(valued, ct);
        }
    }
}
