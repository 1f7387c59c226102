using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta;

/// <summary>
/// A Delta table at a key prefix of an <see cref="IObjectStore"/>, with the <see cref="ILogStore"/> that coordinates its
/// commits. Entry point for snapshots, history, transactions, reads and maintenance. Thread-safe: every call reads the log.
/// </summary>
public sealed partial class DeltaTable
{
    private DeltaTable(IObjectStore store, string tableRoot, ILogStore logStore, TimeProvider timeProvider, CommitOptions commitOptions)
    {
        Store = store;
        TableRoot = tableRoot;
        LogStore = logStore;
        TimeProvider = timeProvider;
        CommitOptions = commitOptions;
        TableUri = store.Describe(tableRoot);
    }

    private Snapshot? _latest;

    public IObjectStore Store { get; }

    /// <summary>The table's key prefix in <see cref="Store"/> (no trailing '/'; empty for the store root).</summary>
    public string TableRoot { get; }

    public ILogStore LogStore { get; }

    public TimeProvider TimeProvider { get; }

    public CommitOptions CommitOptions { get; }

    /// <summary>The table's URI for messages.</summary>
    public string TableUri { get; }

    /// <summary>A handle on the table at <paramref name="tableRoot"/> without checking that it exists (for create-or-append flows).</summary>
    public static DeltaTable ForPath(IObjectStore store, string tableRoot, ILogStore? logStore = null, TimeProvider? timeProvider = null, CommitOptions? commitOptions = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tableRoot);
        var root = tableRoot.Trim('/');
        return new DeltaTable(store, root, logStore ?? new PutIfAbsentLogStore(store, root), timeProvider ?? TimeProvider.System, commitOptions ?? CommitOptions.Default);
    }

    /// <summary>Opens an existing table; throws <see cref="DeltaTableNotFoundException"/> when there is none.</summary>
    public static async Task<DeltaTable> OpenAsync(
        IObjectStore store, string tableRoot, ILogStore? logStore = null, TimeProvider? timeProvider = null, CommitOptions? commitOptions = null, CancellationToken cancellationToken = default)
    {
        var table = ForPath(store, tableRoot, logStore, timeProvider, commitOptions);
        if (!await table.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new DeltaTableNotFoundException(table.TableUri);
        }

        return table;
    }

    /// <summary>
    /// Creates a table (version 0: protocol 1/2 and metaData). Fails with <see cref="CommitConflictException"/> when a table
    /// already exists, unless <see cref="CreateTableOptions.IfNotExists"/> is set.
    /// </summary>
    public static async Task<DeltaTable> CreateAsync(
        IObjectStore store, string tableRoot, StructType schema, CreateTableOptions? options = null, ILogStore? logStore = null,
        TimeProvider? timeProvider = null, CommitOptions? commitOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        options ??= new CreateTableOptions();
        var table = ForPath(store, tableRoot, logStore, timeProvider, commitOptions);
        if (options.IfNotExists && await table.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return table;
        }

        var tx = table.StartCreateTransaction(schema, options);
        try
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CommitConflictException) when (options.IfNotExists)
        {
            // Another writer created it first: that is what IfNotExists asks for.
        }

        return table;
    }

    /// <summary>A transaction that creates the table at version 0 (add files to it to create with data).</summary>
    public DeltaTransaction StartCreateTransaction(StructType schema, CreateTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var column in options.PartitionColumns)
        {
            if (!schema.TryGetField(column, out var field))
            {
                throw new DeltaWriteException($"Partition column '{column}' is not in the schema {schema} of {TableUri}.");
            }

            if (field.Type.IsNested)
            {
                throw new DeltaWriteException($"Partition column '{column}' of {TableUri} has nested type {field.Type}; partition by a primitive column.");
            }
        }

        _ = TableProperties.From(options.Configuration);
        var metadata = new MetadataAction
        {
            Id = Guid.NewGuid().ToString(),
            Name = options.Name,
            Description = options.Description,
            Format = new FormatSpec { Provider = "parquet", Options = new Dictionary<string, string>() },
            SchemaString = SchemaJson.Serialize(schema),
            PartitionColumns = options.PartitionColumns.Select(c => schema[c].Name).ToArray(),
            Configuration = options.Configuration ?? new Dictionary<string, string>(),
            CreatedTime = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var tx = new DeltaTransaction(this, null) { Operation = DeltaOperation.CreateTable };
        tx.UpdateMetadata(metadata);
        tx.WithOperationParameter("isManaged", "false")
          .WithOperationParameter("description", options.Description ?? string.Empty)
          .WithOperationParameter("partitionBy", PartitionByJson(metadata.PartitionColumns))
          .WithOperationParameter("properties", "{}");
        return tx;
    }

    internal static string PartitionByJson(IReadOnlyList<string> columns) =>
        "[" + string.Join(",", columns.Select(c => "\"" + System.Text.Json.JsonEncodedText.Encode(c) + "\"")) + "]";

    /// <summary>True when the table has at least one commit or checkpoint.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        if (await LogStore.GetLatestVersionAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return true;
        }

        var files = await LogListing.ListAsync(Store, TableRoot, 0, cancellationToken).ConfigureAwait(false);
        return files.Count > 0;
    }

    /// <summary>The snapshot at <paramref name="version"/> (latest when null).</summary>
    /// <remarks>The latest snapshot is cached per <see cref="DeltaTable"/> instance and brought up to date incrementally
    /// (only commits after it are read), so long-lived writers pay for new commits only.</remarks>
    public async Task<Snapshot> GetSnapshotAsync(long? version = null, CancellationToken cancellationToken = default)
    {
        var cached = Volatile.Read(ref _latest);
        if (version is null && cached is not null)
        {
            var updated = await SnapshotLoader.UpdateAsync(Store, TableRoot, cached, cancellationToken).ConfigureAwait(false);
            Remember(updated);
            return updated;
        }

        if (version is not null && cached is not null && cached.Version == version)
        {
            return cached;
        }

        var snapshot = await SnapshotLoader.LoadAsync(Store, TableRoot, version, cancellationToken).ConfigureAwait(false)
            ?? throw new DeltaTableNotFoundException(TableUri);
        if (version is null)
        {
            Remember(snapshot);
        }

        return snapshot;
    }

    private void Remember(Snapshot snapshot)
    {
        var current = Volatile.Read(ref _latest);
        while (current is null || current.Version < snapshot.Version)
        {
            var seen = Interlocked.CompareExchange(ref _latest, snapshot, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>The snapshot of the newest version committed at or before <paramref name="timestamp"/>.</summary>
    public async Task<Snapshot> GetSnapshotAtAsync(DateTimeOffset timestamp, CancellationToken cancellationToken = default)
    {
        var files = await LogListing.ListAsync(Store, TableRoot, 0, cancellationToken).ConfigureAwait(false);
        long? version = null;
        DateTimeOffset? earliest = null;
        foreach (var f in files)
        {
            if (f.Kind != LogFileKind.Commit)
            {
                continue;
            }

            earliest ??= f.LastModified;
            if (f.LastModified <= timestamp)
            {
                version = f.Version;
            }
        }

        if (version is null)
        {
            throw new DeltaProtocolException(earliest is null
                ? $"{TableUri} has no commits to time travel over."
                : $"No version of {TableUri} was committed at or before {timestamp:O}; the earliest available commit is from {earliest:O}.");
        }

        return await GetSnapshotAsync(version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a transaction on the latest snapshot.</summary>
    public async Task<DeltaTransaction> StartTransactionAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(null, cancellationToken).ConfigureAwait(false);
        return new DeltaTransaction(this, snapshot);
    }

    /// <summary>Starts a transaction on a given snapshot (for callers that already hold one).</summary>
    public DeltaTransaction StartTransaction(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new DeltaTransaction(this, snapshot);
    }

    /// <summary>The version idempotent writer <paramref name="appId"/> last committed to the latest snapshot, or null.</summary>
    public async Task<long?> GetAppTransactionVersionAsync(string appId, CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(null, cancellationToken).ConfigureAwait(false);
        return snapshot.GetAppTransactionVersion(appId);
    }

    /// <summary>The commit history, newest first (only versions whose commit files still exist), at most <paramref name="limit"/> entries.</summary>
    public async Task<IReadOnlyList<CommitHistoryEntry>> GetHistoryAsync(int? limit = null, CancellationToken cancellationToken = default)
    {
        var files = await LogListing.ListAsync(Store, TableRoot, 0, cancellationToken).ConfigureAwait(false);
        var commits = files.Where(f => f.Kind == LogFileKind.Commit).OrderByDescending(f => f.Version).Take(limit ?? int.MaxValue).ToList();
        var entries = new List<CommitHistoryEntry>(commits.Count);
        foreach (var c in commits)
        {
            var bytes = await SnapshotLoader.ReadAllAsync(Store, c.Key, cancellationToken).ConfigureAwait(false);
            var info = ActionCodec.Parse(bytes, Store.Describe(c.Key)).OfType<CommitInfo>().FirstOrDefault();
            var timestamp = info?.Timestamp is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : c.LastModified;
            entries.Add(new CommitHistoryEntry(c.Version, timestamp, info));
        }

        return entries;
    }
}
