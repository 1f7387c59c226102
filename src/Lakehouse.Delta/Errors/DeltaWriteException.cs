namespace Lakehouse.Delta.Errors;

/// <summary>
/// A write was refused before committing: schema mismatch, violated invariant, append-only table, bad partition
/// predicate. The message names the table and column and says what to change.
/// </summary>
public sealed class DeltaWriteException : DeltaException
{
    public DeltaWriteException(string message)
        : base(message)
    {
    }

    public DeltaWriteException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
