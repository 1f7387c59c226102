namespace Lakehouse.Testing.Interop;

/// <summary>DuckDB or hyparquet refused a request (for example a file it cannot read).</summary>
public sealed class InteropException : Exception
{
    public InteropException(string message)
        : base(message)
    {
    }

    public InteropException()
    {
    }

    public InteropException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
