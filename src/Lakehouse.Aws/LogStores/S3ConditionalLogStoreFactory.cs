using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.LogStores;

/// <summary>
/// The <c>s3</c> commit coordinator: <see cref="PutIfAbsentLogStore"/>s over an S3 object store, so commits are claimed by
/// S3 conditional writes (<c>If-None-Match: *</c>). Never use it for a table that another writer coordinates through
/// DynamoDB.
/// </summary>
public sealed class S3ConditionalLogStoreFactory : ILogStoreFactory
{
    /// <inheritdoc />
    public ILogStore ForTable(IObjectStore store, string tableRoot) => new PutIfAbsentLogStore(store, tableRoot);
}
