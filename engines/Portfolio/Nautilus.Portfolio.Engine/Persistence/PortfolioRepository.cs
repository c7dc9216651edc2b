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
            "SELECT id, kind, name, parent_id, currency, goal, created_at, updated_at FROM portfolio.nodes ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<NodeRow>();
        while (await reader.ReadAsync(ct))
        {
            var node = new PortfolioNode(reader.GetString(0), Enum.Parse<NodeKind>(reader.GetString(1)), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : Currency.Of(reader.GetString(4)),
                reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<SleeveGoal>(reader.GetString(5), Json));
            rows.Add(new NodeRow(node, reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }

    /// <summary>Stores a new node; false when its id is taken.</summary>
    public async Task<bool> CreateAsync(PortfolioNode node, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO portfolio.nodes (id, kind, name, parent_id, currency, goal, created_at, updated_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (id) DO NOTHING");
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
            "UPDATE portfolio.nodes SET name = $3, currency = $5, goal = $6, updated_at = $7 WHERE id = $1 AND kind = $2 " +
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
    }
}
