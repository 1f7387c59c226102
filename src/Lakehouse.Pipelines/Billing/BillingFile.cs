namespace Lakehouse.Pipelines.Billing;

/// <summary>One CSV the billing job wrote, with the totals it contains (for logs and reconciliation).</summary>
public sealed record BillingFile(
    string Key,
    string WorkspaceId,
    int Year,
    int Month,
    int Rows,
    long Records,
    decimal TotalDbus,
    decimal TotalMachineHours);
