using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.LogStores;

/// <summary>
/// Creates <see cref="S3ConditionalLogStore"/>s: commits claimed by S3 conditional writes (<c>If-None-Match: *</c>).
/// Never use it for a table that another writer coordinates through DynamoDB.
/// </summary>
public sealed class S3ConditionalLogStoreFactory : ILogStoreFactory
{
    /// <inheritdoc />
    public ILogStore ForTable(IObjectStore store, string tableRoot) => new S3ConditionalLogStore(store, tableRoot);
}
