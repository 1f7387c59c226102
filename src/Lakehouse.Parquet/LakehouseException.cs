namespace Lakehouse;

/// <summary>
/// Base of every exception family the platform throws on purpose (<c>ParquetFormatException</c>,
/// <c>DeltaProtocolException</c>, <c>PipelineDefinitionException</c>, ...). It lives in the lowest assembly so
/// every layer can derive from it. Messages name the object concerned and say what to do.
/// </summary>
public abstract class LakehouseException : Exception
{
    protected LakehouseException(string message)
        : base(message)
    {
    }

    protected LakehouseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// A stable error name for machines: the Lambda runtime reports it as <c>errorType</c>, and the state machine's
    /// Retry/Catch rules match on it (for example <c>Lakehouse.CommitConflict</c>, <c>Lakehouse.Throttled</c>).
    /// Defaults to <c>Lakehouse.</c> plus the class name without the <c>Exception</c> suffix.
    /// </summary>
    public virtual string ErrorType
    {
        get
        {
            var name = GetType().Name;
            return "Lakehouse." + (name.EndsWith("Exception", StringComparison.Ordinal) ? name[..^"Exception".Length] : name);
        }
    }
}
