namespace Lakehouse.Pipelines.Billing;

/// <summary>
/// One row of Databricks' legacy billable-usage CSV (12 columns, in this order). See shared/reference/billable-usage.md
/// for the mapping: one row per workspace × UTC hour × compute (function and pipeline) × SKU.
/// </summary>
public sealed record BillableUsageRow(
    string WorkspaceId,
    DateTimeOffset Timestamp,
    string ClusterId,
    string ClusterName,
    string ClusterNodeType,
    string ClusterOwnerUserId,
    string ClusterCustomTags,
    string Sku,
    decimal Dbus,
    decimal MachineHours,
    string ClusterOwnerUserName,
    string Tags)
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "workspaceId", "timestamp", "clusterId", "clusterName", "clusterNodeType", "clusterOwnerUserId",
        "clusterCustomTags", "sku", "dbus", "machineHours", "clusterOwnerUserName", "tags",
    ];
}
