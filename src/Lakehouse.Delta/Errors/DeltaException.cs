namespace Lakehouse.Delta.Errors;

/// <summary>Base of every exception the Delta layer throws on purpose; messages name the table and say what to do.</summary>
public abstract class DeltaException : LakehouseException
{
    protected DeltaException(string message)
        : base(message)
    {
    }

    protected DeltaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
