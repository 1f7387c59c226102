namespace Lakehouse.Lambda.Runtime;

/// <summary>The handler's result exceeds Lambda's 6 MB response limit. Error type <c>Lakehouse.ResponseTooLarge</c>.</summary>
public sealed class ResponseTooLargeException : LakehouseException
{
    public ResponseTooLargeException(string message)
        : base(message)
    {
    }
}
