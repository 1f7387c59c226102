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
}
