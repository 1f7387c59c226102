using Lakehouse.Aws.Metering;
using Lakehouse.Functions.Aws;
using Lakehouse.Functions.Metering;
using Lakehouse.Functions.Pipelines;
using Lakehouse.Functions.Settings;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Metering;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Functions;

/// <summary>
/// What every function builds in its init phase: settings, SDK clients, the lake runtime, pipeline definitions and
/// (when USAGE_TABLE is set) the usage recorder installed as the host's invocation observer.
/// </summary>
public sealed class FunctionHost
{
    private FunctionHost(FunctionSettings settings, AwsClients clients, LakehouseRuntime runtime, PipelineDefinitionStore pipelines, InvocationAttribution attribution, IUsageStore? usage)
    {
        Settings = settings;
        Clients = clients;
        Runtime = runtime;
        Pipelines = pipelines;
        Attribution = attribution;
        Usage = usage;
    }

    public FunctionSettings Settings { get; }

    public AwsClients Clients { get; }

    public LakehouseRuntime Runtime { get; }

    public PipelineDefinitionStore Pipelines { get; }

    /// <summary>Handlers attribute their invocation to a pipeline stage here (read by the usage recorder).</summary>
    public InvocationAttribution Attribution { get; }

    /// <summary>The usage store (null when USAGE_TABLE is not set).</summary>
    public IUsageStore? Usage { get; }

    /// <summary>Binds settings (init error when invalid), builds adapters and installs usage metering of <paramref name="kind"/>.</summary>
    public static FunctionHost Create(LambdaStartup startup, UsageKind kind, params string[] required)
    {
        ArgumentNullException.ThrowIfNull(startup);
        var settings = FunctionSettings.Bind(name => startup.Settings.GetOptional(name), required);
        var clients = new AwsClients(settings);
        var runtime = LakeRuntimeFactory.Create(settings, clients, startup.LoggerFactory, startup.Time);
        var attribution = new InvocationAttribution();
        IUsageStore? usage = null;
        if (settings.UsageTable is { } table)
        {
            usage = new DynamoDbUsageStore(clients.DynamoDb, table);
            startup.Observer = new UsageRecordingObserver(usage, settings.WorkspaceId, kind, attribution, startup.LoggerFactory.CreateLogger<UsageRecordingObserver>());
        }

        return new FunctionHost(settings, clients, runtime, new PipelineDefinitionStore(runtime.Lake), attribution, usage);
    }
}
