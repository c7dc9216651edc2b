using Nautilus.AppHost.Infrastructure;

namespace Nautilus.UnitTests.AppHost;

public class HostBinariesTests
{
    [Fact]
    public void A_missing_redis_server_names_the_program_and_how_to_install_it()
    {
        var error = Assert.Throws<InfrastructureConfigurationException>(() => HostBinaries.LocateRedis(path: "/nonexistent"));
        Assert.Contains("redis-server", error.Message);
        Assert.Contains("apt-get install redis-server", error.Message);
    }

    [Fact]
    public void A_configured_postgres_folder_without_the_programs_is_refused()
    {
        var empty = Directory.CreateTempSubdirectory("nautilus-pgbin-").FullName;
        try
        {
            var error = Assert.Throws<InfrastructureConfigurationException>(() => HostBinaries.LocatePostgres(empty));
            Assert.Contains("Nautilus:PostgresBinDirectory", error.Message);
            Assert.Contains("initdb", error.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void A_configured_postgres_folder_with_both_programs_is_used()
    {
        var folder = Directory.CreateTempSubdirectory("nautilus-pgbin-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "initdb"), "");
            File.WriteAllText(Path.Combine(folder, "postgres"), "");
            Assert.Equal(folder, HostBinaries.LocatePostgres(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
