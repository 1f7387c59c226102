using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Metering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Local.Workspaces;

/// <summary>
/// The embedded default: three folders standing in for the landing, lake and log buckets, with put-if-absent commits on
/// the filesystem and usage records under the lake's <c>_usage/</c>.
/// <code>
/// &lt;root&gt;/landing/&lt;pipeline&gt;/&lt;source&gt;/...   files dropped here are ingested (like the S3 landing bucket)
/// &lt;root&gt;/lake/&lt;pipeline&gt;/bronze|silver|gold/...  Delta tables, event log, quarantine reports
/// &lt;root&gt;/logs/billable-usage/csv/...            billable-usage CSVs
/// </code>
/// </summary>
public sealed class LocalWorkspace : IWorkspace
{
    public LocalWorkspace(string root, TimeProvider? time = null, ILoggerFactory? logging = null)
    {
        Root = Path.GetFullPath(root);
        LandingDirectory = Path.Combine(Root, "landing");
        LakeDirectory = Path.Combine(Root, "lake");
        LogsDirectory = Path.Combine(Root, "logs");
        foreach (var dir in new[] { LandingDirectory, LakeDirectory, LogsDirectory })
        {
            Directory.CreateDirectory(dir);
        }

        Landing = new FileSystemObjectStore(LandingDirectory);
        Lake = new FileSystemObjectStore(LakeDirectory);
        Logs = new FileSystemObjectStore(LogsDirectory);
        Time = time ?? TimeProvider.System;
        Runtime = new LakehouseRuntime(Lake, new PutIfAbsentLogStoreFactory(), new LakeLayout(), Time, logging ?? NullLoggerFactory.Instance);
        Usage = new ObjectStoreUsageStore(Lake, "_usage");
    }

    public string Root { get; }

    public string LandingDirectory { get; }

    public string LakeDirectory { get; }

    public string LogsDirectory { get; }

    public IObjectStore Landing { get; }

    public IObjectStore Lake { get; }

    public IObjectStore Logs { get; }

    public TimeProvider Time { get; }

    public LakehouseRuntime Runtime { get; }

    public IUsageStore Usage { get; }

    /// <summary>The name that stands in for the landing bucket in object identities.</summary>
    public string LandingName { get; } = "local-landing";
}
