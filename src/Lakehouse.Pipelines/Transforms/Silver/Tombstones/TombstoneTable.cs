using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lakehouse.Delta;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Lake;

namespace Lakehouse.Pipelines.Transforms.Silver.Tombstones;

/// <summary>
/// The delete tombstones of one merge/scd2 silver table: a system Delta table at
/// <c>&lt;pipeline&gt;/_system/tombstones/&lt;table&gt;</c> (the silver table itself stays a plain Delta table with the
/// user's columns). One row per applied delete: the key columns, <c>__sequence</c> (the delete's sequence value),
/// <c>__deleted_at</c> (commit time of the source version the delete was applied from) and <c>__source_version</c>.
/// </summary>
/// <remarks>
/// <para>Protocol (see Transforms/README.md, "Delete tombstones", for the full argument). A step applying source
/// versions (W, V] commits its new tombstones here, with txn (appId, V), <b>before</b> it commits the silver table with
/// watermark V. A tombstone is <i>effective</i> for a step only when its <c>__source_version</c> is at most the silver
/// watermark W the step read and it has not expired. So rows written by an attempt whose silver commit never happened
/// (crash, lost race) are inert until a silver commit covers their source version, and any such commit re-read the
/// very source rows that produced them: what they say is implied by data every later run has applied.</para>
/// <para>Expiry is deterministic: a tombstone expires when the commit time of the source version being applied is
/// at least <c>__deleted_at</c> + retention, so re-running the same source range gives the same answer whatever the
/// wall clock says. Files whose newest tombstone expired are removed by the next tombstone commit (each commit writes
/// one file with one <c>__deleted_at</c>, so a file expires as a whole).</para>
/// </remarks>
internal sealed class TombstoneTable
{
    public const string SequenceColumn = "__sequence";
    public const string DeletedAtColumn = "__deleted_at";
    public const string SourceVersionColumn = "__source_version";

    private readonly DeltaTable _table;
    private readonly string _silverName;

    public TombstoneTable(LakehouseRuntime runtime, string pipeline, string silverTable, MergeDefinition merge, StructType silverSchema)
    {
        _table = runtime.Table(runtime.Layout.Tombstones(pipeline, silverTable));
        _silverName = silverTable;
        Retention = merge.EffectiveTombstoneRetention;
        KeyNames = merge.Keys;
        var fields = merge.Keys.Select(k => silverSchema[k] with { Nullable = true }).ToList();
        fields.Add(new StructField(SequenceColumn, silverSchema[merge.SequenceBy].Type));
        fields.Add(new StructField(DeletedAtColumn, DataType.Timestamp, false));
        fields.Add(new StructField(SourceVersionColumn, DataType.Long, false));
        Schema = new StructType(fields);
    }

    public TimeSpan Retention { get; }

    public IReadOnlyList<string> KeyNames { get; }

    /// <summary>Key columns, then __sequence, __deleted_at, __source_version.</summary>
    public StructType Schema { get; }

    public string TableUri => _table.TableUri;

    /// <summary>
    /// The tombstones a step that read silver watermark <paramref name="watermark"/> and applies a source version
    /// committed at <paramref name="asOf"/> must honour, in batches of <see cref="Schema"/>; files
    /// <paramref name="mayContain"/> rejects are skipped.
    /// </summary>
    public async IAsyncEnumerable<RecordBatch> ReadEffectiveAsync(
        long watermark, DateTimeOffset asOf, Func<LiveFile, bool> mayContain, [EnumeratorCancellation] CancellationToken ct)
    {
        if (watermark < 0 || !await _table.ExistsAsync(ct).ConfigureAwait(false))
        {
            yield break;
        }

        var snapshot = await _table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        if (!snapshot.Schema.Equals(Schema))
        {
            // The keys or sequence column changed: the old tombstones describe other keys; the next commit resets them.
            yield break;
        }

        var expiredBefore = Int64Vector.ToUnixMicros((asOf - Retention).UtcDateTime);
        foreach (var file in snapshot.Files)
        {
            if (IsExpired(file, asOf) || !mayContain(file))
            {
                continue;
            }

            await foreach (var batch in _table.ReadFileAsync(snapshot, file, ct).ConfigureAwait(false))
            {
                var deletedAt = (Int64Vector)batch.Column(DeletedAtColumn);
                var versions = (Int64Vector)batch.Column(SourceVersionColumn);
                var keep = new List<int>(batch.RowCount);
                for (var r = 0; r < batch.RowCount; r++)
                {
                    if (versions.Values[r] <= watermark && deletedAt.Values[r] > expiredBefore)
                    {
                        keep.Add(r);
                    }
                }

                if (keep.Count > 0)
                {
                    yield return keep.Count == batch.RowCount ? batch : RecordBatchRows.Take(batch, keep.ToArray());
                }
            }
        }
    }

    /// <summary>
    /// A batch of tombstones from <paramref name="keysAndSequences"/> (the key columns and the sequence column, in that
    /// order) stamped with the applied source version and its commit time.
    /// </summary>
    public RecordBatch Stamp(IReadOnlyList<ColumnVector> keysAndSequences, long sourceVersion, DateTimeOffset asOf)
    {
        var rows = keysAndSequences[0].Count;
        var at = new Int64Vector(DataType.Timestamp, rows);
        var versions = new Int64Vector(DataType.Long, rows);
        var micros = Int64Vector.ToUnixMicros(asOf.UtcDateTime);
        for (var r = 0; r < rows; r++)
        {
            at.Append(micros);
            versions.Append(sourceVersion);
        }

        return new RecordBatch(Schema, [.. keysAndSequences, at, versions]);
    }

    /// <summary>
    /// Commits <paramref name="added"/> (may be null or empty) with txn (<paramref name="appId"/>, <paramref name="sourceVersion"/>),
    /// dropping expired files; with <paramref name="reset"/> (the silver table is being created) every older tombstone
    /// is dropped too. Idempotent: when the table already records <paramref name="sourceVersion"/> for the appId, an
    /// earlier attempt over the same silver state wrote these tombstones and nothing is committed.
    /// </summary>
    /// <returns>The number of tombstones committed.</returns>
    public async Task<long> CommitAsync(RecordBatch? added, string appId, long sourceVersion, DateTimeOffset asOf, bool reset, CancellationToken ct)
    {
        var snapshot = await _table.ExistsAsync(ct).ConfigureAwait(false) ? await _table.GetSnapshotAsync(null, ct).ConfigureAwait(false) : null;
        if (!reset && snapshot?.GetAppTransactionVersion(appId) >= sourceVersion)
        {
            return 0;
        }

        var count = added?.RowCount ?? 0;
        DeltaTransaction tx;
        var removed = 0;
        if (snapshot is null)
        {
            if (count == 0)
            {
                return 0;
            }

            tx = _table.StartCreateTransaction(Schema, new CreateTableOptions { Name = $"tombstones of silver table {_silverName}" });
        }
        else
        {
            tx = _table.StartTransaction(snapshot);
            var stale = reset || !snapshot.Schema.Equals(Schema);
            if (!snapshot.Schema.Equals(Schema))
            {
                tx.UpdateMetadata(snapshot.Metadata with { SchemaString = SchemaJson.Serialize(Schema) });
            }

            foreach (var file in snapshot.Files)
            {
                if (stale || IsExpired(file, asOf))
                {
                    tx.RemoveFile(file);
                    removed++;
                }
            }

            if (count == 0 && removed == 0)
            {
                return 0;
            }
        }

        tx.Operation = DeltaOperation.Write;
        tx.WithOperationParameter("mode", "Append").WithOperationParameter("tombstones", count.ToString(CultureInfo.InvariantCulture));
        tx.SetTransaction(appId, sourceVersion);
        if (count > 0)
        {
            await tx.WriteAsync(added!, null, ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        return count;
    }

    /// <summary>True when even the newest tombstone of the file expired (its max __deleted_at + retention is not after asOf).</summary>
    private bool IsExpired(LiveFile file, DateTimeOffset asOf)
    {
        if (file.Stats?.MaxValues is not { ValueKind: JsonValueKind.Object } max || !max.TryGetProperty(DeletedAtColumn, out var value)
            || value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var newest))
        {
            return false;
        }

        // Statistics keep milliseconds; one more millisecond keeps the bound conservative.
        return newest.AddMilliseconds(1) + Retention <= asOf;
    }
}
