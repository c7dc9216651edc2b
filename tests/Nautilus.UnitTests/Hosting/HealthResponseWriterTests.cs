using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Nautilus.UnitTests.Hosting;

public class HealthResponseWriterTests
{
    [Fact]
    public async Task Writes_status_name_version_uptime_storage_and_each_dependency()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection([KeyValuePair.Create("OTEL_SERVICE_NAME", (string?)"risk-engine")]).Build())
            .AddSingleton<IHostEnvironment>(new TestEnvironment())
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["postgres"] = new(HealthStatus.Healthy, "PostgreSQL 15", TimeSpan.FromMilliseconds(2),
                null, new Dictionary<string, object> { ["storage"] = "native-partitioning" }),
            ["marketdata-bus"] = new(HealthStatus.Unhealthy, null, TimeSpan.FromMilliseconds(3),
                new InvalidOperationException("connection refused"), null),
        }, HealthStatus.Unhealthy, TimeSpan.FromMilliseconds(5));

        await HealthResponseWriter.WriteAsync(context, report);

        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body);
        var root = json.RootElement;
        Assert.Equal("Unhealthy", root.GetProperty("status").GetString());
        Assert.Equal("risk-engine", root.GetProperty("engine").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.True(root.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.Equal("native-partitioning", root.GetProperty("storage").GetString());
        var deps = root.GetProperty("dependencies");
        Assert.Equal("Healthy", deps.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", deps.GetProperty("marketdata-bus").GetProperty("status").GetString());
        Assert.Equal("connection refused", deps.GetProperty("marketdata-bus").GetProperty("description").GetString());
        Assert.StartsWith("application/json", context.Response.ContentType);

        context.Response.Body.Position = 0;
        var read = await HealthResponse.ReadAsync(context.Response.Body); // what the UI reads back: the same type
        Assert.Equal("risk-engine", read.Engine);
        Assert.Equal("native-partitioning", read.Storage);
        Assert.Equal("connection refused", read.Dependencies["marketdata-bus"].Description);
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Nautilus.Test";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
