namespace Lakehouse.Pipelines.Metering;

/// <summary>What consumed the resources: decides the billing SKU of a usage record.</summary>
public enum UsageKind
{
    /// <summary>Bronze ingestion (the Ingest function or a local ingest step).</summary>
    Ingest,

    /// <summary>A silver or gold transform step.</summary>
    Transform,

    /// <summary>Checkpoint, OPTIMIZE and VACUUM runs.</summary>
    Maintenance,

    /// <summary>The nightly billing job itself.</summary>
    Billing,

    /// <summary>State machine transitions of a pipeline run (counted, not timed).</summary>
    Orchestration,
}
