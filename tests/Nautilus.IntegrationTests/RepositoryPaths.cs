namespace Nautilus.IntegrationTests;

internal static class RepositoryPaths
{
    /// <summary>The folder holding Nautilus.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nautilus.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Nautilus.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Where tests leave what a person may want to look at: screenshots, measured start-up time.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "test")).FullName;
}
