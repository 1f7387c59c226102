namespace Lakehouse.Testing;

/// <summary>Locates the repository (the folder holding Serverless.sln) and ../shared from a test or bench binary.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The read-only shared folder beside the repository (delta-golden, reference).</summary>
    public static string Shared
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("LAKEHOUSE_SHARED_DIR");
            var path = string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : fromEnv;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"The shared folder was not found at {path}. Clone the repository beside shared/ (as CI does) or set LAKEHOUSE_SHARED_DIR.");
            }

            return path;
        }
    }

    /// <summary>../shared/delta-golden.</summary>
    public static string DeltaGolden => Path.Combine(Shared, "delta-golden");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"Serverless.sln not found above {AppContext.BaseDirectory}.");
    }
}
