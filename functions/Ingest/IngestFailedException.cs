namespace Lakehouse.Functions.Ingest;

/// <summary>Some landed objects could not be ingested; they stay in the landing bucket and the event is retried.</summary>
internal sealed class IngestFailedException : LakehouseException
{
    public IngestFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
