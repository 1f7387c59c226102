using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Transactions;

/// <summary>
/// An optimistic transaction against one snapshot: stage file additions and removals, txn markers and metadata changes,
/// then <see cref="CommitAsync"/> (build → prepare → try-commit loop → post-commit). Not thread-safe; one use.
/// </summary>
public sealed partial class DeltaTransaction
{
    private readonly DeltaTable _table;
    private readonly List<AddFile> _adds = [];
    private readonly Dictionary<string, RemoveFile> _removes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TxnAction> _txns = new(StringComparer.Ordinal);
    private readonly List<PartitionPredicate> _readPredicates = [];
    private readonly HashSet<string> _readFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _operationParameters = new(StringComparer.Ordinal);
    private MetadataAction? _newMetadata;
    private ProtocolAction? _newProtocol;
    private bool _committed;

    internal DeltaTransaction(DeltaTable table, Snapshot? snapshot)
    {
        _table = table;
        Snapshot = snapshot;
    }

    /// <summary>The snapshot the transaction reads (null while creating a table).</summary>
    public Snapshot? Snapshot { get; }

    /// <summary>commitInfo.operation; <see cref="DeltaOperation.Write"/> unless set.</summary>
    public string Operation { get; set; } = DeltaOperation.Write;

    /// <summary>How concurrent appends are checked against what this transaction read (default WriteSerializable, as Spark).</summary>
    public IsolationLevel IsolationLevel { get; set; } = IsolationLevel.WriteSerializable;

    /// <summary>The metadata the commit will have (staged change or the snapshot's).</summary>
    public MetadataAction Metadata => _newMetadata ?? Snapshot?.Metadata
        ?? throw new InvalidOperationException("The transaction has no metadata yet; call UpdateMetadata first.");

    /// <summary>The schema the commit will have.</summary>
    public StructType Schema => Metadata.Schema;

    public IReadOnlyList<AddFile> AddedFiles => _adds;

    public IReadOnlyCollection<RemoveFile> RemovedFiles => _removes.Values;

    /// <summary>Sets a commitInfo.operationParameters entry (Spark writes values as strings).</summary>
    public DeltaTransaction WithOperationParameter(string name, string value)
    {
        _operationParameters[name] = value;
        return this;
    }

    /// <summary>Stages an already written data file.</summary>
    public DeltaTransaction AddFile(AddFile add)
    {
        ArgumentNullException.ThrowIfNull(add);
        _adds.Add(add);
        return this;
    }

    /// <summary>Stages the removal of a live file (dataChange=false for rewrites that keep the rows, such as OPTIMIZE).</summary>
    public DeltaTransaction RemoveFile(LiveFile file, bool dataChange = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = _table.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        _removes[DeltaPath.Decode(file.Path)] = new RemoveFile
        {
            Path = file.Path,
            DeletionTimestamp = now,
            DataChange = dataChange,
            ExtendedFileMetadata = true,
            PartitionValues = file.Add.PartitionValues,
            Size = file.Size,
            Tags = file.Add.Tags,
        };
        _readFiles.Add(DeltaPath.Decode(file.Path));
        return this;
    }

    /// <summary>
    /// The live files matching <paramref name="predicate"/>, recorded as read: a concurrent commit that adds data matching
    /// it or removes one of these files makes this transaction conflict.
    /// </summary>
    public IReadOnlyList<LiveFile> ReadFiles(PartitionPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ValidatePredicate(predicate);
        _readPredicates.Add(predicate);
        var files = new List<LiveFile>();
        foreach (var f in Snapshot?.Files ?? [])
        {
            if (predicate.Matches(f.PartitionValues))
            {
                files.Add(f);
                _readFiles.Add(DeltaPath.Decode(f.Path));
            }
        }

        return files;
    }

    /// <summary>Removes every live file matching <paramref name="predicate"/> (all files for <see cref="PartitionPredicate.All"/>).</summary>
    public int RemoveWhere(PartitionPredicate predicate)
    {
        var files = ReadFiles(predicate);
        foreach (var f in files)
        {
            RemoveFile(f);
        }

        return files.Count;
    }

    /// <summary>Records an idempotent writer's progress: readers ask <see cref="Snapshot.GetAppTransactionVersion"/>.</summary>
    public DeltaTransaction SetTransaction(string appId, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        _txns[appId] = new TxnAction { AppId = appId, Version = version, LastUpdated = _table.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() };
        return this;
    }

    /// <summary>Stages new metadata (schema evolution, properties). Conflicts with any concurrent commit that changes metadata.</summary>
    public DeltaTransaction UpdateMetadata(MetadataAction metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _newMetadata = metadata;
        return this;
    }

    /// <summary>Stages a protocol change.</summary>
    public DeltaTransaction UpdateProtocol(ProtocolAction protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        _newProtocol = protocol;
        return this;
    }

    private void ValidatePredicate(PartitionPredicate predicate)
    {
        foreach (var c in predicate.Conditions)
        {
            if (!Metadata.PartitionColumns.Contains(c.Column, StringComparer.OrdinalIgnoreCase))
            {
                throw new DeltaWriteException(
                    $"'{c}' is not a condition on a partition column of {_table.TableUri} (partition columns: [{string.Join(", ", Metadata.PartitionColumns)}]).");
            }
        }
    }

    /// <summary>Commits the staged actions (see <see cref="CommitLoop"/>); throws <see cref="CommitConflictException"/> when it cannot.</summary>
    public async Task<CommitResult> CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed)
        {
            throw new InvalidOperationException("This transaction was already committed; start a new one.");
        }

        var (actions, summary) = Prepare();
        var result = await CommitLoop.RunAsync(_table, actions, summary, Metadata, cancellationToken).ConfigureAwait(false);
        _committed = true;
        return result;
    }

    /// <summary>The prepare stage: validation (protocol, appendOnly) and the final action list with commitInfo first.</summary>
    internal (List<DeltaAction> Actions, TransactionSummary Summary) Prepare()
    {
        var tableUri = _table.TableUri;
        var protocol = _newProtocol ?? Snapshot?.Protocol ?? ProtocolAction.Default;
        ProtocolSupport.EnsureWritable(protocol, tableUri);
        var metadata = Metadata;
        var properties = TableProperties.From(metadata.Configuration);
        if (properties.AppendOnly && Snapshot is not null && _removes.Values.Any(r => r.DataChange))
        {
            throw new DeltaWriteException(
                $"{tableUri} is append-only (delta.appendOnly=true): this {Operation} would remove data. Only appends are allowed; unset the property to change data.");
        }

        var readVersion = Snapshot?.Version ?? -1;
        var isBlindAppend = _removes.Count == 0 && _readPredicates.Count == 0 && _newMetadata is null && _adds.All(a => a.DataChange);
        var info = new CommitInfo
        {
            Timestamp = _table.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            Operation = Operation,
            OperationParameters = new Dictionary<string, string>(_operationParameters, StringComparer.Ordinal),
            ReadVersion = Snapshot?.Version,
            IsolationLevel = IsolationLevel.ToString(),
            IsBlindAppend = isBlindAppend,
            EngineInfo = _table.CommitOptions.EngineInfo,
        };
        var actions = new List<DeltaAction> { info };
        if (_newProtocol is not null || Snapshot is null)
        {
            actions.Add(protocol);
        }

        if (_newMetadata is not null)
        {
            actions.Add(_newMetadata);
        }

        actions.AddRange(_txns.Values);
        actions.AddRange(_removes.Values);
        actions.AddRange(_adds);

        var partitionTypes = new Dictionary<string, DataType>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in metadata.PartitionColumns)
        {
            if (metadata.Schema.TryGetField(column, out var field))
            {
                partitionTypes[column] = field.Type;
            }
        }

        var summary = new TransactionSummary
        {
            ReadVersion = readVersion,
            IsBlindAppend = isBlindAppend,
            ReadPredicates = [.. _readPredicates],
            ReadFiles = new HashSet<string>(_readFiles, StringComparer.Ordinal),
            RemovedFiles = new HashSet<string>(_removes.Keys, StringComparer.Ordinal),
            AppIds = new HashSet<string>(_txns.Keys, StringComparer.Ordinal),
            IsolationLevel = IsolationLevel,
            ChangesMetadata = _newMetadata is not null,
            ChangesProtocol = _newProtocol is not null,
            PartitionColumnTypes = partitionTypes,
        };
        return (actions, summary);
    }
}
