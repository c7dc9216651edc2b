namespace Nautilus.IntegrationTests;

public sealed class ManifestTests
{
    /// <summary>The committed aspire-manifest.json must be what the AppHost publishes today.</summary>
    [Fact]
    public async Task The_committed_manifest_is_what_the_apphost_publishes_now()
    {
        // Written beside the committed file so the relative project paths inside are the same.
        var fresh = Path.Combine(RepositoryPaths.Root, "aspire-manifest.check.json");
        try
        {
            var result = await ProcessRunner.RunAsync("dotnet",
                ["run", "--project", "Nautilus.AppHost", "--no-build", "--", "--publisher", "manifest", "--output-path", fresh],
                RepositoryPaths.Root, TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, result.Output + result.Error);

            var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "aspire-manifest.json"));
            var generated = await File.ReadAllTextAsync(fresh);
            Assert.True(committed == generated,
                "aspire-manifest.json is stale. Regenerate it: dotnet run --project Nautilus.AppHost -- --publisher manifest --output-path ../aspire-manifest.json");
        }
        finally
        {
            File.Delete(fresh);
        }
    }
}
