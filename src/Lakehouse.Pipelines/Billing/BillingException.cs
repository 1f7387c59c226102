namespace Lakehouse.Pipelines.Billing;

/// <summary>The billing job cannot produce a correct file (bad rate table, unreadable usage).</summary>
public sealed class BillingException : LakehouseException
{
    public BillingException(string message)
        : base(message)
    {
    }

    public BillingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
