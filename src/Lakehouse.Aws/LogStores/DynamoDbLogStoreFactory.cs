using Amazon.DynamoDBv2;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Delta.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Aws.LogStores;

/// <summary>
/// Creates <see cref="DynamoDbLogStore"/>s sharing one DynamoDB client and table. The <c>tablePath</c> key of a table
/// is the store's URI of the table root with the configured scheme, e.g. <c>s3a://lake/sales/bronze/orders</c> for the
/// root <c>sales/bronze/orders</c> of an <see cref="S3.S3ObjectStore"/> over bucket <c>lake</c>.
/// </summary>
public sealed class DynamoDbLogStoreFactory : ILogStoreFactory
{
    private readonly ICommitEntryTable _entries;
    private readonly DynamoDbLogStoreOptions _options;
    private readonly ILogger _logger;

    /// <summary>A factory over <paramref name="client"/> (not owned) and the table named in <paramref name="options"/>.</summary>
    public DynamoDbLogStoreFactory(IAmazonDynamoDB client, DynamoDbLogStoreOptions options, ILogger<DynamoDbLogStore>? logger = null)
        : this(new DynamoDbCommitEntryTable(client ?? throw new ArgumentNullException(nameof(client)), options?.TableName ?? throw new ArgumentNullException(nameof(options))), options, logger)
    {
    }

    internal DynamoDbLogStoreFactory(ICommitEntryTable entries, DynamoDbLogStoreOptions options, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Scheme);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Ttl, TimeSpan.Zero);
        _entries = entries;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public ILogStore ForTable(IObjectStore store, string tableRoot) => Create(store, tableRoot);

    /// <summary>The typed store for <paramref name="tableRoot"/> (same as <see cref="ForTable"/>).</summary>
    public DynamoDbLogStore Create(IObjectStore store, string tableRoot)
    {
        ArgumentNullException.ThrowIfNull(store);
        var layout = new DeltaLogLayout(tableRoot);
        return new DynamoDbLogStore(store, layout, TablePathOf(store, layout.TableRoot, _options.Scheme), _entries, _options, _logger);
    }

    /// <summary>The DynamoDB hash key of a table: its URI with <paramref name="scheme"/>, without a trailing '/'.</summary>
    internal static string TablePathOf(IObjectStore store, string tableRoot, string scheme)
    {
        var uri = store.Describe(tableRoot).TrimEnd('/');
        var separator = uri.IndexOf("://", StringComparison.Ordinal);
        return scheme + "://" + (separator < 0 ? uri : uri[(separator + 3)..]);
    }
}
