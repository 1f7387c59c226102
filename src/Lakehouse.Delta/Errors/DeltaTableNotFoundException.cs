namespace Lakehouse.Delta.Errors;

/// <summary>No Delta table (no <c>_delta_log/</c> commit or checkpoint) exists at the location.</summary>
public sealed class DeltaTableNotFoundException : DeltaException
{
    public DeltaTableNotFoundException(string tableUri)
        : base($"No Delta table at {tableUri}: _delta_log/ has no commit. Check the path, or create the table first.")
    {
        TableUri = tableUri;
    }

    public string TableUri { get; }
}
