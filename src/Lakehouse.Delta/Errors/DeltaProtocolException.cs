namespace Lakehouse.Delta.Errors;

/// <summary>
/// The table's log cannot be read or written by this client: unsupported protocol version or features, missing
/// protocol/metaData, gaps in the commit sequence, malformed actions. Reading fails closed rather than guessing.
/// </summary>
public sealed class DeltaProtocolException : DeltaException
{
    public DeltaProtocolException(string message)
        : base(message)
    {
    }

    public DeltaProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
