using System.Net;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PlatformTests(PlatformFixture platform)
{
    public static TheoryData<string> Engines => [.. EngineCatalog.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Health_is_200_with_postgres_and_each_bus_healthy(string name)
    {
        var engine = EngineCatalog.Find(name)!;
        var health = await HealthProbe.GetAsync(platform.Http, PlatformFixture.UrlOf(engine, EndpointPaths.Health));

        Assert.Equal(HttpStatusCode.OK, health.Code);
        Assert.Equal("Healthy", health.Status);
        Assert.Equal(name, health.Body.GetProperty("engine").GetString());
        Assert.Equal("0.1.0", health.Body.GetProperty("version").GetString());
        Assert.True(health.Body.GetProperty("uptimeSeconds").GetDouble() > 0);
        Assert.Equal("Healthy", health.DependencyStatus(InfrastructureNames.PostgresServer));
        foreach (var bus in engine.Buses)
        {
            Assert.Equal("Healthy", health.DependencyStatus(BusNames.Of(bus)));
        }
        // ./test.sh installs TimescaleDB's Apache edition (vendor/timescaledb) and host mode preloads it.
        Assert.Equal("timescaledb-apache", health.Body.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task The_market_data_engine_migrates_its_schema_and_reports_it()
    {
        var health = await HealthProbe.GetAsync(platform.Http, PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, EndpointPaths.Health));

        var postgres = health.Body.GetProperty("dependencies").GetProperty(InfrastructureNames.PostgresServer).GetProperty("data");
        Assert.Matches(@"^\d+ applied$", postgres.GetProperty("migrations").GetString());
        Assert.Equal("timescaledb-apache", postgres.GetProperty("storage").GetString());
        Assert.Equal(JsonValueKind.Array, postgres.GetProperty("writers").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Alive_is_200(string name)
    {
        using var response = await platform.Http.GetAsync(PlatformFixture.UrlOf(EngineCatalog.Find(name)!, EndpointPaths.Alive));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Serves_a_valid_openapi_document_and_scalar_docs(string name)
    {
        var engine = EngineCatalog.Find(name)!;
        using var document = JsonDocument.Parse(await platform.Http.GetStringAsync(PlatformFixture.UrlOf(engine, EndpointPaths.OpenApiDocument)));
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        Assert.Contains(engine.DisplayName, root.GetProperty("info").GetProperty("title").GetString());
        Assert.True(root.GetProperty("paths").TryGetProperty(EndpointPaths.Info, out _));

        using var docs = await platform.Http.GetAsync(PlatformFixture.UrlOf(engine, EndpointPaths.Docs));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("scalar", await docs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Info_names_the_engine_its_port_and_its_messages(string name)
    {
        var engine = EngineCatalog.Find(name)!;
        using var info = JsonDocument.Parse(await platform.Http.GetStringAsync(PlatformFixture.UrlOf(engine, EndpointPaths.Info)));
        var root = info.RootElement;
        Assert.Equal(name, root.GetProperty("name").GetString());
        Assert.Equal(PlatformFixture.PortOf(engine), root.GetProperty("port").GetInt32());
        Assert.Equal(engine.Publishes.Select(MessageRouting.WireName),
            root.GetProperty("publishes").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(engine.Consumes.Select(MessageRouting.WireName),
            root.GetProperty("consumes").EnumerateArray().Select(e => e.GetString()!));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Bus_stats_name_the_engine_consumer_group(string name)
    {
        var engine = EngineCatalog.Find(name)!;
        using var stats = JsonDocument.Parse(await platform.Http.GetStringAsync(PlatformFixture.UrlOf(engine, "/api/bus/stats")));
        Assert.Equal(name, stats.RootElement.GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Array, stats.RootElement.GetProperty("types").ValueKind);
        // Engines that publish live data have a few envelopes in flight; none is backed up toward the queue's capacity.
        Assert.InRange(stats.RootElement.GetProperty("publishQueue").GetInt64(), 0, 1_000);
    }

    [Fact]
    public async Task An_unknown_route_is_problem_json_not_an_html_page()
    {
        using var response = await platform.Http.GetAsync(PlatformFixture.UrlOf(EngineCatalog.Risk, "/api/no-such-thing"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_nautilus_database_answers_on_the_connection_string_engines_receive()
    {
        var connectionString = await platform.App.GetConnectionStringAsync(InfrastructureNames.Database);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT current_database(), current_setting('listen_addresses')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("nautilus", reader.GetString(0));
        Assert.Equal("127.0.0.1", reader.GetString(1));
    }
}
