using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Pipelines.Billing;

/// <summary>One run of the billing job: what the collectors brought in, then every CSV written.</summary>
public sealed record BillingRun(DateOnly Date, IReadOnlyList<CollectionReport> Collections, IReadOnlyList<BillingFile> Files);
