namespace Lakehouse.Pipelines.Transforms;

/// <summary>A silver or gold step cannot proceed (missing source history, incompatible data); nothing was committed.</summary>
public class TransformException : LakehouseException
{
    public TransformException(string message)
        : base(message)
    {
    }

    public TransformException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
