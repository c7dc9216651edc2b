using Nautilus.AppHost.Infrastructure;

namespace Nautilus.UnitTests.AppHost;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StateDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nautilus-state-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_secret_is_generated_once_kept_private_and_read_back_by_the_next_run()
    {
        var first = new StateDirectory(_root).Secret("postgres.password");
        var second = new StateDirectory(_root).Secret("postgres.password");

        Assert.Equal(first, second);
        Assert.Equal(36, first.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(new StateDirectory(_root).SecretPath("postgres.password")));
        Assert.NotEqual(first, new StateDirectory(_root).Secret("marketdata-bus.password"));
    }

    [Fact]
    public void Postgres_data_stays_in_the_state_folder_when_others_can_reach_it()
    {
        var state = new StateDirectory(_root);
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        Assert.Equal(Path.Combine(state.Root, "postgres"), state.PostgresDataDirectory(runningAsRoot: true));
    }

    [Fact]
    public void As_root_under_a_closed_folder_postgres_data_moves_where_the_postgres_user_can_reach_it()
    {
        var closed = Path.Combine(_root, "home");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var state = new StateDirectory(Path.Combine(closed, "repo", ".nautilus"));

        var data = state.PostgresDataDirectory(runningAsRoot: true);

        Assert.StartsWith("/var/lib/nautilus/", data);
        Assert.Equal(data, new StateDirectory(state.Root).PostgresDataDirectory(runningAsRoot: true));
        Assert.Equal(Path.Combine(state.Root, "postgres"), state.PostgresDataDirectory(runningAsRoot: false));
    }
}
