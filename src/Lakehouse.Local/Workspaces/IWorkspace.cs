using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Local.Workspaces;

/// <summary>
/// Where an in-process pipeline run reads and writes: the landing store files are dropped into, the lake (tables,
/// event log, quarantine reports, run records), the logs store and the usage store. <see cref="LocalWorkspace"/> puts
/// them in local folders; the CLI's AWS target puts them in S3 buckets and DynamoDB tables, so the same runner and
/// state machine run against either.
/// </summary>
public interface IWorkspace
{
    /// <summary>Where files land (<c>&lt;pipeline&gt;/&lt;source&gt;/...</c>), like the S3 landing bucket.</summary>
    IObjectStore Landing { get; }

    /// <summary>The landing bucket's name: part of every landed object's identity (exactly-once ingestion).</summary>
    string LandingName { get; }

    /// <summary>The lake store (the store of <see cref="Runtime"/>).</summary>
    IObjectStore Lake { get; }

    /// <summary>The lake with its commit coordination, layout, clock and logging.</summary>
    LakehouseRuntime Runtime { get; }

    /// <summary>Where run steps are metered.</summary>
    IUsageStore Usage { get; }

    /// <summary>The clock of runs and usage records.</summary>
    TimeProvider Time { get; }
}
