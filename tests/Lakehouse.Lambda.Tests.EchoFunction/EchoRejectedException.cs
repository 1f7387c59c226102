namespace Lakehouse.Lambda.Tests.EchoFunction;

/// <summary>A platform exception, reported with error type <c>Lakehouse.EchoRejected</c>.</summary>
internal sealed class EchoRejectedException : LakehouseException
{
    public EchoRejectedException(string message)
        : base(message)
    {
    }
}
