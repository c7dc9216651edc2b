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

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void TimescaleDb_counts_as_installed_when_its_control_file_is_in_the_servers_share_folder()
    {
        var root = Directory.CreateTempSubdirectory("nautilus-pgbin-").FullName;
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
            var share = Directory.CreateDirectory(Path.Combine(root, "share", "extension")).Parent!.FullName;
            var pgConfig = Path.Combine(bin, "pg_config");
            File.WriteAllText(pgConfig, $"#!/bin/sh\n[ \"$1\" = --sharedir ] && echo {share}\n");
            File.SetUnixFileMode(pgConfig, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

            Assert.False(HostBinaries.HasTimescaleDb(bin));
            File.WriteAllText(Path.Combine(share, "extension", "timescaledb.control"), "default_version = '2.28.3'\n");
            Assert.True(HostBinaries.HasTimescaleDb(bin));
            Assert.False(HostBinaries.HasTimescaleDb(root)); // no pg_config there
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
