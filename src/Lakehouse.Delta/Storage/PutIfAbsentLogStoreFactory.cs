namespace Lakehouse.Delta.Storage;

/// <summary>Creates <see cref="PutIfAbsentLogStore"/>s: the default coordinator for filesystem, in-memory and S3 (If-None-Match) tables.</summary>
public sealed class PutIfAbsentLogStoreFactory : ILogStoreFactory
{
    /// <summary>A shared instance (the factory holds no state).</summary>
    public static readonly PutIfAbsentLogStoreFactory Instance = new();

    public ILogStore ForTable(IObjectStore store, string tableRoot) => new PutIfAbsentLogStore(store, tableRoot);
}
