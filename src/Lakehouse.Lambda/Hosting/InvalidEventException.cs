namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// The event is not valid JSON or does not have the shape the function expects. Error type <c>Lakehouse.InvalidEvent</c>:
/// retrying the same event cannot succeed, so state machines should not retry it.
/// </summary>
public sealed class InvalidEventException : LakehouseException
{
    public InvalidEventException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
