namespace Lakehouse.Lambda.Runtime;

/// <summary>The Runtime API answered in a way the runtime cannot work with (missing header, error status).</summary>
public sealed class RuntimeApiException : LakehouseException
{
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
