using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Lakehouse.Testing.Lambda;

/// <summary>
/// Publishes a function project once and caches the result under the temp folder, keyed by a hash of the project's
/// sources, its project references (transitively) and the repository's build settings: later test runs and other test
/// classes reuse it until a source changes. Builds go to a private artifacts path so they never touch the project's
/// own bin/obj folders (which a concurrent solution build may be using).
/// </summary>
public static partial class FunctionPublisher
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PublishedFunction>>> InProcess = new();

    /// <summary>The cache root (override with LAKEHOUSE_BOOTSTRAP_CACHE).</summary>
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("LAKEHOUSE_BOOTSTRAP_CACHE") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Path.GetTempPath(), "lakehouse-bootstrap-cache");

    /// <summary>Publishes (or reuses) <paramref name="projectDirectory"/> in <paramref name="mode"/>.</summary>
    public static Task<PublishedFunction> PublishAsync(string projectDirectory, PublishMode mode)
    {
        var project = Directory.GetFiles(Path.GetFullPath(projectDirectory), "*.csproj").Single();
        var key = $"{Path.GetFileNameWithoutExtension(project)}-{mode}-{SourceHash(project, mode, ExtraProperties)}";
        return InProcess.GetOrAdd(key, k => new Lazy<Task<PublishedFunction>>(() => Task.Run(() => PublishCoreAsync(project, mode, k)))).Value;
    }

    private static async Task<PublishedFunction> PublishCoreAsync(string project, PublishMode mode, string key)
    {
        var target = Path.Combine(CacheRoot, key);
        var marker = Path.Combine(target, ".published");
        if (File.Exists(marker))
        {
            return Describe(target, mode, TimeSpan.Zero, fromCache: true);
        }

        // One publish at a time per mode, across test processes: the functions share their library projects, so a
        // shared intermediate folder builds Lakehouse.Parquet/Delta/Pipelines/Aws once and later publishes only the
        // function project itself (four full builds on two shared cores would take minutes).
        await using var gate = await PublishGate.AcquireAsync(Path.Combine(CacheRoot, $"publish-{mode}.lock"));
        if (File.Exists(marker))
        {
            return Describe(target, mode, TimeSpan.Zero, fromCache: true);
        }

        var work = Path.Combine(CacheRoot, "work-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(work, "out");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Keyed by the extra properties too: intermediate files of a trimmed and an untrimmed publish must not mix.
        var extra = ExtraProperties.Count == 0 ? string.Empty : "-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', ExtraProperties))))[..8];
        foreach (var arg in PublishArguments(project, mode, output, Path.Combine(CacheRoot, $"artifacts-{mode}{extra}")))
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of {project} ({mode}) failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        File.WriteAllText(Path.Combine(output, ".published"), DateTimeOffset.UtcNow.ToString("O"));
        try
        {
            Directory.Move(output, target);
        }
        catch (IOException) when (File.Exists(marker))
        {
            // Another test process published the same sources first; use theirs.
        }

        TryDelete(work);
        PruneOlderVersions(key);
        return Describe(target, mode, clock.Elapsed, fromCache: false);
    }

    /// <summary>The exact <c>dotnet publish</c> arguments (the Makefiles under functions/ use the same for self-contained).</summary>
    public static IReadOnlyList<string> PublishArguments(string project, PublishMode mode, string output, string artifacts)
    {
        var args = new List<string> { "publish", project, "-c", "Release", "-o", output, "--artifacts-path", artifacts, "--nologo", "-v", "quiet" };
        args.AddRange(ModeArguments(mode));
        args.AddRange(ExtraProperties.Select(p => "-p:" + p));
        return args;
    }

    /// <summary>
    /// The build settings of <paramref name="mode"/> (part of the cache key). Self-contained: trimmed, and ReadyToRun as
    /// one composite image of the app and the (trimmed) framework; trimming strips the framework's own R2R code and
    /// per-assembly recompilation cannot pregenerate generic code across assemblies (async builders over our state
    /// machines, collections over our structs), so without composite about 2,500 methods are still jitted at a cold start.
    /// </summary>
    private static string[] ModeArguments(PublishMode mode) => mode == PublishMode.SelfContainedReadyToRun
        ? ["-r", "linux-x64", "--self-contained", "-p:PublishReadyToRun=true", "-p:PublishReadyToRunComposite=true", "-p:PublishTrimmed=true"]
        : ["--no-self-contained", "-p:PublishReadyToRun=false", "-p:UseAppHost=false"];

    private static PublishedFunction Describe(string directory, PublishMode mode, TimeSpan elapsed, bool fromCache)
    {
        var size = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        return mode == PublishMode.SelfContainedReadyToRun
            ? new PublishedFunction(directory, Path.Combine(directory, "bootstrap"), [], mode, size, elapsed, fromCache)
            : new PublishedFunction(directory, "dotnet", [Path.Combine(directory, "bootstrap.dll")], mode, size, elapsed, fromCache);
    }

    /// <summary>
    /// Extra MSBuild properties from LAKEHOUSE_PUBLISH_PROPERTIES (<c>Name=Value;Name=Value</c>, part of the cache key),
    /// for start-up experiments such as <c>PublishTrimmed=false</c> or <c>PublishReadyToRunComposite=true</c>.
    /// </summary>
    public static IReadOnlyList<string> ExtraProperties =>
        (Environment.GetEnvironmentVariable("LAKEHOUSE_PUBLISH_PROPERTIES") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string SourceHash(string project, PublishMode mode, IReadOnlyList<string> extra)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        CollectProject(project, files, new HashSet<string>(StringComparer.Ordinal));
        foreach (var shared in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            var path = Path.Combine(RepositoryPaths.Root, shared);
            if (File.Exists(path))
            {
                files.Add(path);
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join(' ', ModeArguments(mode)) + string.Join(';', extra)));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(RepositoryPaths.Root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static void CollectProject(string project, SortedSet<string> files, HashSet<string> seen)
    {
        if (!seen.Add(project))
        {
            return;
        }

        var folder = Path.GetDirectoryName(project)!;
        // Directory.Build.props/targets between the project and the repository root (for example functions/'s start-up settings).
        for (var dir = folder; dir is not null && dir.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
        {
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
            {
                if (File.Exists(Path.Combine(dir, name)))
                {
                    files.Add(Path.Combine(dir, name));
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (!relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                && (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal)))
            {
                files.Add(file);
            }
        }

        foreach (Match match in ProjectReference().Matches(File.ReadAllText(project)))
        {
            var referenced = Path.GetFullPath(Path.Combine(folder, match.Groups[1].Value.Replace('\\', '/')));
            if (File.Exists(referenced))
            {
                CollectProject(referenced, files, seen);
            }
        }
    }

    /// <summary>
    /// Removes publishes of the same project and mode made from older sources, once they are a day old (another
    /// checkout of the repository on this machine may be running tests from its own version right now).
    /// </summary>
    private static void PruneOlderVersions(string key)
    {
        var family = key[..(key.LastIndexOf('-') + 1)];
        foreach (var old in Directory.EnumerateDirectories(CacheRoot, family + "*"))
        {
            if (!string.Equals(Path.GetFileName(old), key, StringComparison.Ordinal) && Directory.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddDays(-1))
            {
                TryDelete(old);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex("<ProjectReference\\s+Include=\"([^\"]+)\"")]
    private static partial Regex ProjectReference();
}
