using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lakehouse.Delta;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Transforms.Rows;
using Lakehouse.Pipelines.Transforms.Silver.Changes;

namespace Lakehouse.Pipelines.Transforms.Silver.Merge;

/// <summary>
/// SCD type 1 (Lakeflow AUTO CDC ... STORED AS SCD TYPE 1), columnar and streaming. One change per key (greatest
/// sequence) is indexed in a <see cref="KeyTable"/> built from the update batch only. Effective tombstones mark changes
/// they outdate as ignored. Then the target's live files are streamed one at a time: files whose key statistics exclude
/// every changed key are not read; a read file is rewritten (remove + add of its surviving rows) only when a change
/// replaces or deletes one of its rows, otherwise it stays as is. A change applies to a stored row only when its
/// sequence is greater; a stored row at least as new makes the change stale. Finally the applied upserts are written
/// as one new file. Memory: the change batches, ~30 bytes per changed key, and one target file at a time.
/// </summary>
internal sealed class Scd1Merger(DeltaTable target, DeltaTransaction tx, StructType schema, MergeDefinition merge, ChangeSet changes)
{
    private static readonly WriteOptions Options = new() { MergeSchema = true };
    private KeyedSelection _selection = null!;
    private ColumnVector?[] _changeSequences = [];
    private Scd1KeyState[] _states = [];
    private KeyRangePruner? _pruner;

    // Reused from file to file: per-row buffers of a million-row file are large-object-heap arrays.
    private int[] _ids = [];
    private readonly List<RowRef> _kept = [];

    /// <summary>
    /// Stages the merge in the transaction. <paramref name="tombstones"/> yields the effective tombstones (see
    /// <see cref="Tombstones.TombstoneTable.ReadEffectiveAsync"/>); it is enumerated after the change keys are indexed, so
    /// it may use <see cref="MayHoldChangedKey"/> to skip files.
    /// </summary>
    public async Task<Scd1Result> MergeAsync(Func<IAsyncEnumerable<RecordBatch>> tombstones, CancellationToken ct)
    {
        _selection = KeyedSelection.Select(changes, changes.Rows, merge.Keys, merge.SequenceBy);
        _changeSequences = changes.Columns(merge.SequenceBy);
        _states = new Scd1KeyState[_selection.Count];
        var result = new Scd1Result();
        await foreach (var batch in tombstones().ConfigureAwait(false))
        {
            ApplyTombstones(batch);
        }

        if (tx.Snapshot is { } snapshot)
        {
            result.FilesSkippedByKeyProbe = await RewriteTargetAsync(snapshot, result.Files, ct).ConfigureAwait(false);
        }

        var upserts = new List<RowRef>();
        var deletes = new List<RowRef>();
        for (var id = 0; id < _states.Length; id++)
        {
            var state = _states[id];
            var row = _selection.Winners[id];
            var isDelete = changes.IsDelete(row);
            if ((state & (Scd1KeyState.Blocked | Scd1KeyState.Superseded)) != 0)
            {
                result.Ignored++;
            }
            else if (isDelete)
            {
                deletes.Add(row);
                result.Deleted += (state & Scd1KeyState.Existed) != 0 ? 1 : 0;
            }
            else
            {
                upserts.Add(row);
                if ((state & Scd1KeyState.Existed) != 0)
                {
                    result.Updated++;
                }
                else
                {
                    result.Inserted++;
                }
            }
        }

        if (upserts.Count > 0)
        {
            upserts.Sort((a, b) => a.Batch != b.Batch ? a.Batch.CompareTo(b.Batch) : a.Row.CompareTo(b.Row));
            var batch = RowGather.Gather(schema, changes.Batches, upserts.ToArray());
            await tx.WriteAsync(batch, Options, ct).ConfigureAwait(false);
            result.Files.RowsWritten += batch.RowCount;
        }

        if (deletes.Count > 0)
        {
            var keys = new StructType([.. merge.Keys.Select(k => changes.Schema[k]), changes.Schema[merge.SequenceBy]]);
            result.Tombstones = RowGather.Gather(keys, changes.Batches, deletes.ToArray()).Columns;
        }

        return result;
    }

    private void ApplyTombstones(RecordBatch batch)
    {
        var encoder = KeyEncoder.For(batch, merge.Keys);
        var sequences = batch.Column(Tombstones.TombstoneTable.SequenceColumn);
        var buffer = new byte[64];
        for (var r = 0; r < batch.RowCount; r++)
        {
            var id = _selection.Keys.Find(encoder.Encode(r, ref buffer));
            if (id >= 0)
            {
                var change = _selection.Winners[id];
                if (VectorComparer.Compare(_changeSequences[change.Batch], change.Row, sequences, r) <= 0)
                {
                    _states[id] |= Scd1KeyState.Blocked;
                }
            }
        }
    }

    /// <summary>False when the file's key statistics exclude every changed key (valid once <see cref="MergeAsync"/> indexed them).</summary>
    public bool MayHoldChangedKey(LiveFile file) => (_pruner ??= Pruner()).MayContain(file);

    /// <returns>How many files the key probe showed need no rewrite (so they were never read whole).</returns>
    private async Task<int> RewriteTargetAsync(Snapshot snapshot, RewriteStats stats, CancellationToken ct)
    {
        var skipped = 0;
        var candidates = new List<LiveFile>();
        foreach (var file in tx.ReadFiles(PartitionPredicate.All))
        {
            if (MayHoldChangedKey(file))
            {
                candidates.Add(file);
            }
            else
            {
                stats.FilesPruned++;
            }
        }

        // Fewer changed keys than candidate files: some files surely hold none, so first read only the key and sequence
        // columns (ranged reads of two column chunks) and read whole files only where a row is replaced or deleted.
        var probe = _selection.Count < candidates.Count && snapshot.Schema.IndexOf(merge.SequenceBy) >= 0;
        string[] probeColumns = [.. merge.Keys, merge.SequenceBy];
        foreach (var file in candidates)
        {
            stats.FilesRead++;
            if (probe)
            {
                var hits = 0;
                await foreach (var keys in target.ReadFileAsync(snapshot, file, probeColumns, ct).ConfigureAwait(false))
                {
                    hits += Scan(keys, 0, null);
                }

                if (hits == 0)
                {
                    skipped++;
                    continue;
                }
            }

            var batches = new List<RecordBatch>();
            var kept = _kept;
            kept.Clear();
            var dropped = 0;
            await foreach (var batch in target.ReadFileAsync(snapshot, file, ct).ConfigureAwait(false))
            {
                dropped += Scan(batch, batches.Count, kept);
                batches.Add(batch);
            }

            if (dropped == 0)
            {
                continue;
            }

            stats.FilesRewritten++;
            stats.RowsCarried += kept.Count;
            tx.RemoveFile(file);
            if (kept.Count > 0)
            {
                await tx.WriteAsync(RowGather.Gather(schema, batches, CollectionsMarshal.AsSpan(kept)), Options, ct).ConfigureAwait(false);
                stats.RowsWritten += kept.Count;
            }
        }

        return skipped;
    }

    /// <summary>
    /// Classifies the rows of one target batch (updating the per-key states, which is idempotent); adds the surviving
    /// rows to <paramref name="kept"/> when given and returns how many rows a change replaces or deletes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Scan(RecordBatch batch, int batchIndex, List<RowRef>? kept)
    {
        if (_ids.Length < batch.RowCount)
        {
            _ids = new int[batch.RowCount];
        }

        var ids = _ids.AsSpan(0, batch.RowCount);
        KeyEncoder.For(batch, merge.Keys).FindAll(_selection.Keys, ids);
        var sequenceIndex = batch.Schema.IndexOf(merge.SequenceBy);
        var sequences = sequenceIndex < 0 ? null : batch.Columns[sequenceIndex];
        var dropped = 0;
        kept?.EnsureCapacity(kept.Count + ids.Length);
        for (var r = 0; r < ids.Length; r++)
        {
            var id = ids[r];
            if (id >= 0)
            {
                _states[id] |= Scd1KeyState.Existed;
                var change = _selection.Winners[id];
                if ((_states[id] & Scd1KeyState.Blocked) == 0
                    && VectorComparer.Compare(_changeSequences[change.Batch], change.Row, sequences, r) > 0)
                {
                    dropped++;
                    continue;
                }

                _states[id] |= Scd1KeyState.Superseded;
            }

            kept?.Add(new RowRef(batchIndex, r));
        }

        return dropped;
    }

    private KeyRangePruner Pruner()
    {
        if (merge.Keys.Count != 1)
        {
            return KeyRangePruner.Create(string.Empty, DataType.Boolean, [], []);
        }

        var key = merge.Keys[0];
        return KeyRangePruner.Create(schema[key].Name, schema[key].Type, changes.Columns(key), _selection.Winners);
    }
}
