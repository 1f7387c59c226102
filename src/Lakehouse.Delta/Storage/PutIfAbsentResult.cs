namespace Lakehouse.Delta.Storage;

/// <summary>Outcome of <see cref="IObjectStore.PutIfAbsentAsync"/>.</summary>
public enum PutIfAbsentResult
{
    /// <summary>This call created the object.</summary>
    Created,

    /// <summary>An object with the key already existed; it was left untouched.</summary>
    AlreadyExists,
}
