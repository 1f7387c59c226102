using Lakehouse.Delta.Storage;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Cli.Targets;

/// <summary>
/// A workspace on AWS: the landing and lake buckets, commits through the configured coordinator and usage in the
/// DynamoDB usage table. The landing bucket's name is part of each object's identity, as in the Ingest function, so
/// files the CLI ingested are skipped by the function and the other way round (on unversioned buckets).
/// </summary>
internal sealed class AwsWorkspace : IWorkspace
{
    public AwsWorkspace(AwsTarget target, string command)
    {
        ArgumentNullException.ThrowIfNull(target);
        LandingLocation = target.Settings.RequireLanding(command);
        LakeLocation = target.Settings.RequireLake(command);
        Landing = target.Store(LandingLocation);
        Runtime = target.Runtime(LakeLocation);
        Usage = target.Usage();
        Time = target.Time;
    }

    public S3Location LandingLocation { get; }

    public S3Location LakeLocation { get; }

    public IObjectStore Landing { get; }

    public string LandingName => LandingLocation.Bucket;

    public IObjectStore Lake => Runtime.Lake;

    public LakehouseRuntime Runtime { get; }

    public IUsageStore Usage { get; }

    public TimeProvider Time { get; }
}
