namespace Lakehouse.Pipelines.Metering;

/// <summary>What one collector run did: the window it looked at, how many items it examined and how many records it stored.</summary>
/// <param name="Collector">The collector's <see cref="IUsageCollector.Name"/>.</param>
/// <param name="Since">Usage finished at or after this instant was collected (the previous run's time minus the overlap).</param>
/// <param name="CollectedAt">The instant this run looked (the next run starts from here, minus the overlap).</param>
/// <param name="Examined">Items looked at (e.g. executions listed).</param>
/// <param name="Recorded">Usage records appended (already stored ones are kept once by the store).</param>
/// <param name="StateTransitions">State transitions in the appended records.</param>
public sealed record CollectionReport(string Collector, DateTimeOffset Since, DateTimeOffset CollectedAt, int Examined, int Recorded, long StateTransitions);
