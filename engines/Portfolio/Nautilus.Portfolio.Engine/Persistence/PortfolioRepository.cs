using System.Text.Json;
using Nautilus.Model;
using Nautilus.Portfolio.Domain.Structure;
using Nautilus.Storage.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.Portfolio.Engine.Persistence;

/// <summary>A node as stored, with its times.</summary>
public sealed record NodeRow(PortfolioNode Node, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The <c>portfolio</c> schema: the book's nodes.</summary>
public sealed class PortfolioRepository(NpgsqlDataSource dataSource)
{
    public const string Schema = "portfolio";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(PortfolioRepository).Assembly, Schema));

    public async Task<IReadOnlyList<NodeRow>> NodesAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, kind, name, parent_id, currency, goal, created_at, updated_at, opening_cash FROM portfolio.nodes " +
            "ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<NodeRow>();
        while (await reader.ReadAsync(ct))
        {
            var node = new PortfolioNode(reader.GetString(0), Enum.Parse<NodeKind>(reader.GetString(1)), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : Currency.Of(reader.GetString(4)),
                reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<SleeveGoal>(reader.GetString(5), Json), reader.GetDouble(8));
            rows.Add(new NodeRow(node, reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }

    /// <summary>Stores a new node; false when its id is taken.</summary>
    public async Task<bool> CreateAsync(PortfolioNode node, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO portfolio.nodes (id, kind, name, parent_id, currency, goal, opening_cash, created_at, updated_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (id) DO NOTHING");
        AddNode(command, node);
        command.Parameters.Add(new() { Value = now });
        try
        {
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new Domain.PortfolioInputException("parentId", $"'{node.ParentId}' is no longer in the book");
        }
    }

    /// <summary>Replaces a node's name, currency and goal; false when there is no such node.</summary>
    public async Task<bool> UpdateAsync(PortfolioNode node, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE portfolio.nodes SET name = $3, currency = $5, goal = $6, opening_cash = $7, updated_at = $8 WHERE id = $1 " +
            "AND kind = $2 " +
            "AND parent_id IS NOT DISTINCT FROM $4");
        AddNode(command, node);
        command.Parameters.Add(new() { Value = now });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Deletes a node without children: false when there is none, null when it has children.</summary>
    public async Task<bool?> DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            await using var command = dataSource.CreateCommand("DELETE FROM portfolio.nodes WHERE id = $1");
            command.Parameters.Add(new() { Value = id });
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return null;
        }
    }

    private static void AddNode(NpgsqlCommand command, PortfolioNode node)
    {
        command.Parameters.Add(new() { Value = node.Id });
        command.Parameters.Add(new() { Value = node.Kind.ToString() });
        command.Parameters.Add(new() { Value = node.Name });
        command.Parameters.Add(new() { Value = (object?)node.ParentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)node.Currency?.Code ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new()
        {
            Value = node.Goal is null ? DBNull.Value : JsonSerializer.Serialize(node.Goal, Json),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new() { Value = node.OpeningCash });
    }

    /// <summary>Stores a fill booked to a portfolio; false when it was stored before.</summary>
    public async Task<bool> InsertFillAsync(State.BookedFill fill, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO portfolio.fills (trade_id, portfolio_id, client_order_id, symbol, quantity, price, fee, currency, ts) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (trade_id) DO NOTHING");
        foreach (var value in new object[]
        {
            fill.TradeId, fill.PortfolioId, fill.ClientOrderId, fill.Symbol, fill.Quantity, fill.Price, fill.Fee, fill.Currency,
            fill.Ts.ToDateTimeOffset(),
        })
        {
            command.Parameters.Add(new() { Value = value });
        }

        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<State.BookedFill>> FillsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT trade_id, portfolio_id, client_order_id, symbol, quantity, price, fee, currency, ts FROM portfolio.fills " +
            "ORDER BY ts, trade_id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var fills = new List<State.BookedFill>();
        while (await reader.ReadAsync(ct))
        {
            fills.Add(new State.BookedFill(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetString(7),
                UnixNanos.From(reader.GetFieldValue<DateTimeOffset>(8))));
        }

        return fills;
    }

    /// <summary>Stores NAV points (the latest valuation of a portfolio at a time replaces an earlier one at the same time).</summary>
    public async Task InsertNavAsync(IReadOnlyList<State.Valuation> valuations, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var v in valuations)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO portfolio.nav (portfolio_id, ts, nav, cash, market_value, gross_exposure, realized_pnl, unrealized_pnl, " +
                "fees) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (portfolio_id, ts) DO UPDATE SET nav = $3, cash = $4, " +
                "market_value = $5, gross_exposure = $6, realized_pnl = $7, unrealized_pnl = $8, fees = $9");
            var p = v.Value;
            foreach (var value in new object[]
            {
                v.PortfolioId, v.AsOf.ToDateTimeOffset(), p.NetAssetValue, p.Cash, p.MarketValue,
                p.Holdings.Sum(h => Math.Abs(h.MarketValue)), p.RealizedPnl, p.UnrealizedPnl, p.Fees,
            })
            {
                command.Parameters.Add(new() { Value = value });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<NavRow>> NavAsync(string portfolio, DateTimeOffset from, DateTimeOffset to, int limit,
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ts, nav, cash, market_value, gross_exposure, realized_pnl, unrealized_pnl, fees FROM (" +
            "SELECT * FROM portfolio.nav WHERE portfolio_id = $1 AND ts >= $2 AND ts <= $3 ORDER BY ts DESC LIMIT $4) latest " +
            "ORDER BY ts");
        foreach (var value in new object[] { portfolio, from, to, limit })
        {
            command.Parameters.Add(new() { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<NavRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new NavRow(reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)));
        }

        return rows;
    }

    public async Task InsertProposalAsync(ProposalRow proposal, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO portfolio.proposals (id, portfolio_id, status, created_at, proposal) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = proposal.Id });
        command.Parameters.Add(new() { Value = proposal.PortfolioId });
        command.Parameters.Add(new() { Value = proposal.Status });
        command.Parameters.Add(new() { Value = proposal.CreatedAt });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(proposal.Proposal, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ProposalRow>> ProposalsAsync(string? portfolio, string? id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, portfolio_id, status, created_at, sent_at, proposal FROM portfolio.proposals " +
            "WHERE ($1::text IS NULL OR portfolio_id = $1) AND ($2::text IS NULL OR id = $2) ORDER BY created_at DESC LIMIT 200");
        command.Parameters.Add(new() { Value = (object?)portfolio ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ProposalRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ProposalRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                JsonSerializer.Deserialize<StoredProposal>(reader.GetString(5), Json)!));
        }

        return rows;
    }

    /// <summary>Marks a proposal sent with its orders; false when it was no longer Proposed (approved twice).</summary>
    public async Task<bool> MarkSentAsync(string id, StoredProposal proposal, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE portfolio.proposals SET status = 'Sent', sent_at = $2, proposal = $3 WHERE id = $1 AND status = 'Proposed'");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(proposal, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }
}

/// <summary>A stored NAV point.</summary>
public sealed record NavRow(DateTimeOffset Ts, double Nav, double Cash, double MarketValue, double GrossExposure, double Realized,
    double Unrealized, double Fees);

/// <summary>A proposal as stored: its trades (with each instrument's venue, for the orders) and, once sent, its orders' ids.</summary>
public sealed record StoredProposal(Contracts.RebalanceResponse Proposal, IReadOnlyDictionary<string, string> Venues,
    IReadOnlyList<string> ClientOrderIds);

public sealed record ProposalRow(string Id, string PortfolioId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    StoredProposal Proposal);
