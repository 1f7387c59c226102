using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Pipelines.Lake;

/// <summary>
/// The backends a pipeline step runs against, wired once per process: the lake store, how commits are coordinated,
/// the layout, the clock and logging. The Lambda functions build it from AWS adapters, the CLI from local ones;
/// everything in Lakehouse.Pipelines takes it and never knows which.
/// </summary>
public sealed record LakehouseRuntime(
    IObjectStore Lake,
    ILogStoreFactory LogStores,
    LakeLayout Layout,
    TimeProvider Time,
    ILoggerFactory Logging)
{
    /// <summary>A filesystem-style runtime: put-if-absent commits on <paramref name="lake"/>, system clock, no logging.</summary>
    public static LakehouseRuntime ForStore(IObjectStore lake, TimeProvider? time = null) =>
        new(lake, new PutIfAbsentLogStoreFactory(), new LakeLayout(), time ?? TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>Commit retry policy used for every table.</summary>
    public CommitOptions CommitOptions { get; init; } = CommitOptions.Default;

    /// <summary>A handle on a table at <paramref name="tableRoot"/> (it may not exist yet).</summary>
    public DeltaTable Table(string tableRoot) =>
        DeltaTable.ForPath(Lake, tableRoot, LogStores.ForTable(Lake, tableRoot), Time, CommitOptions);

    public DeltaTable Table(string pipeline, MedallionLayer layer, string table) => Table(Layout.Table(pipeline, layer, table));
}
