using Lakehouse.Aws.DynamoDb;
using Lakehouse.Delta.Storage;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Aws.LogStores;

/// <summary>
/// <see cref="ILogStore"/> coordinated by DynamoDB, compatible with Delta OSS' <c>io.delta.storage.S3DynamoDBLogStore</c>
/// (same table schema, keys and steps; shared/reference/dynamodb-log-store.md): stage the commit in
/// <c>_delta_log/.tmp/N.json.&lt;uuid&gt;</c>, claim N with a conditional PutItem, copy to N.json without overwrite,
/// mark the entry complete. Any reader or writer finding the latest entry incomplete finishes it.
/// </summary>
/// <remarks>
/// One table must never mix coordinators: a table written through this store must not also be written with
/// <see cref="PutIfAbsentLogStore"/> over S3 (or delta-rs with conditional puts), since those writers do not see DynamoDB
/// claims whose copy is still pending. Every writer of the table must use the same DynamoDB table and tablePath scheme.
/// Unlike Spark, the copy to N.json is a put-if-absent, so an expired entry (TTL) can never lead to an overwritten commit.
/// </remarks>
public sealed partial class DynamoDbLogStore : ILogStore
{
    private readonly IObjectStore _store;
    private readonly DeltaLogLayout _layout;
    private readonly ICommitEntryTable _entries;
    private readonly DynamoDbLogStoreOptions _options;
    private readonly ILogger _logger;

    internal DynamoDbLogStore(IObjectStore store, DeltaLogLayout layout, string tablePath, ICommitEntryTable entries, DynamoDbLogStoreOptions options, ILogger logger)
    {
        _store = store;
        _layout = layout;
        TablePath = tablePath;
        _entries = entries;
        _options = options;
        _logger = logger;
        TableUri = store.Describe(layout.TableRoot);
    }

    /// <inheritdoc />
    public string TableUri { get; }

    /// <summary>A claimed commit is decided before its N.json exists, so readers repair before listing.</summary>
    public bool RequiresRepairBeforeListing => true;

    /// <summary>The DynamoDB hash key of this table (<c>s3a://bucket/path/table</c>).</summary>
    public string TablePath { get; }

    /// <inheritdoc />
    public async Task<ReadOnlyMemory<byte>?> ReadCommitAsync(long version, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var key = _layout.CommitKey(version);
        if (await DeltaLogLayout.TryReadAllAsync(_store, key, cancellationToken).ConfigureAwait(false) is { } bytes)
        {
            return bytes;
        }

        // Not copied yet? A claimed but incomplete entry is a decided commit: finish it, then read.
        var entry = await _entries.GetAsync(TablePath, DeltaLogLayout.CommitFileName(version), cancellationToken).ConfigureAwait(false);
        if (entry is not { Complete: false })
        {
            return null;
        }

        await RepairAsync(entry, cancellationToken).ConfigureAwait(false);
        var repaired = await DeltaLogLayout.TryReadAllAsync(_store, key, cancellationToken).ConfigureAwait(false);
        return repaired is null ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(repaired);
    }

    /// <inheritdoc />
    public async Task<long?> GetLatestVersionAsync(CancellationToken cancellationToken)
    {
        var latest = await _entries.GetLatestAsync(TablePath, cancellationToken).ConfigureAwait(false);
        long? claimed = null;
        if (latest is not null)
        {
            if (!latest.Complete)
            {
                await RepairAsync(latest, cancellationToken).ConfigureAwait(false);
            }

            claimed = DeltaLogLayout.ParseCommitFileName(latest.FileName);
        }

        // Entries expire (TTL) and other tools may have written commits: the listing after the newest entry decides.
        return await _layout.LatestListedVersionAsync(_store, claimed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes the commit of an incomplete entry: copies its temp object to N.json unless N.json exists (never
    /// overwriting), then marks the entry complete. Safe to run concurrently from many readers and writers.
    /// </summary>
    internal async Task RepairAsync(CommitEntry entry, CancellationToken cancellationToken)
    {
        var commitKey = _layout.LogPrefix + entry.FileName;
        var staged = await DeltaLogLayout.TryReadAllAsync(_store, _layout.LogPrefix + entry.TempPath, cancellationToken).ConfigureAwait(false);
        if (staged is null)
        {
            if (await _store.HeadAsync(commitKey, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new CommitRepairException(
                    $"Commit {entry.FileName} of {TablePath} is claimed in DynamoDB table {_entries.TableName} but neither its temp object " +
                    $"{_store.Describe(_layout.LogPrefix + entry.TempPath)} nor {_store.Describe(commitKey)} exists. The temp object was deleted before the " +
                    "commit completed (check lifecycle rules on _delta_log/.tmp/). Restore the temp object, or delete the DynamoDB entry if the commit is to be dropped.");
            }
        }
        else if (await _store.PutIfAbsentAsync(commitKey, staged, cancellationToken).ConfigureAwait(false) == PutIfAbsentResult.Created)
        {
            DynamoDbLogStoreLog.Repaired(_logger, TablePath, entry.FileName, entry.TempPath);
        }

        await _entries.MarkCompleteAsync(TablePath, entry.FileName, ExpireTime(), cancellationToken).ConfigureAwait(false);
    }

    private DateTimeOffset ExpireTime() => _options.TimeProvider.GetUtcNow() + _options.Ttl;
}
