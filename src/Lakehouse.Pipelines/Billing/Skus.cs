using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Pipelines.Billing;

/// <summary>Our SKU names, one per billed resource kind (the <c>sku</c> column).</summary>
public static class Skus
{
    public const string IngestCompute = "LAKEHOUSE_INGEST_COMPUTE";
    public const string TransformCompute = "LAKEHOUSE_TRANSFORM_COMPUTE";
    public const string MaintenanceCompute = "LAKEHOUSE_MAINTENANCE_COMPUTE";
    public const string BillingCompute = "LAKEHOUSE_BILLING_COMPUTE";
    public const string Orchestration = "LAKEHOUSE_ORCHESTRATION";

    public static string For(UsageKind kind) => kind switch
    {
        UsageKind.Ingest => IngestCompute,
        UsageKind.Transform => TransformCompute,
        UsageKind.Maintenance => MaintenanceCompute,
        UsageKind.Billing => BillingCompute,
        UsageKind.Orchestration => Orchestration,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown usage kind."),
    };
}
