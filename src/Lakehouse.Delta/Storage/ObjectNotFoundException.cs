namespace Lakehouse.Delta.Storage;

/// <summary>A read asked for an object that does not exist.</summary>
public sealed class ObjectNotFoundException : LakehouseException
{
    public ObjectNotFoundException(string location)
        : base($"Object not found: {location}. Check the path, or whether it was deleted (for example by VACUUM or a lifecycle rule).")
    {
        Location = location;
    }

    public ObjectNotFoundException(string location, Exception innerException)
        : base($"Object not found: {location}. Check the path, or whether it was deleted (for example by VACUUM or a lifecycle rule).", innerException)
    {
        Location = location;
    }

    /// <summary>The object's URI.</summary>
    public string Location { get; }
}
