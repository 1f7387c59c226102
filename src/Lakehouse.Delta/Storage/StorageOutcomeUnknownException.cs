namespace Lakehouse.Delta.Storage;

/// <summary>
/// A mutating call (put, conditional put, claim) failed in a way that leaves its outcome unknown: a timeout, a dropped
/// connection, or a 5xx answer. The write may or may not have happened. Callers must not treat this as success or as
/// "version exists": re-read the log (or the object) to find out, and rely on idempotent commits (txn actions).
/// </summary>
public sealed class StorageOutcomeUnknownException : LakehouseException
{
    public StorageOutcomeUnknownException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string ErrorType => "Lakehouse.StorageOutcomeUnknown";
}
