namespace Lakehouse.Pipelines.Metering;

/// <summary>
/// Brings usage that is metered somewhere else (for example the state transitions Step Functions executed) into the
/// usage store. The billing job runs every collector before it aggregates.
/// </summary>
/// <remarks>
/// Contract: collecting is idempotent (records use stable request ids, so collecting the same usage twice stores it
/// once) and resumable (a collector remembers how far it got only after its records are stored, so a failed or
/// interrupted collection is repeated by the next run).
/// </remarks>
public interface IUsageCollector
{
    /// <summary>A short name for logs and error messages, e.g. <c>step-functions</c>.</summary>
    string Name { get; }

    Task<CollectionReport> CollectAsync(CancellationToken cancellationToken);
}
