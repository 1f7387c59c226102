using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Reading;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta;

public sealed partial class DeltaTable
{
    /// <summary>Appends batches in one commit (a blind append: it never conflicts with other appends).</summary>
    public async Task<CommitResult> AppendAsync(IEnumerable<RecordBatch> batches, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var tx = await StartTransactionAsync(cancellationToken).ConfigureAwait(false);
        tx.WithOperationParameter("mode", "Append").WithOperationParameter("partitionBy", PartitionByJson(tx.Metadata.PartitionColumns));
        foreach (var batch in batches)
        {
            await tx.WriteAsync(batch, options, cancellationToken).ConfigureAwait(false);
        }

        return await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends one batch in one commit.</summary>
    public Task<CommitResult> AppendAsync(RecordBatch batch, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        AppendAsync([batch], options, cancellationToken);

    /// <summary>
    /// Replaces the rows of the partitions matching <paramref name="predicate"/> (the whole table when null) with
    /// <paramref name="batches"/>; the data must lie in those partitions. Conflicts with concurrent writes to them.
    /// </summary>
    public async Task<CommitResult> OverwriteAsync(
        IEnumerable<RecordBatch> batches, PartitionPredicate? predicate = null, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var tx = await StartTransactionAsync(cancellationToken).ConfigureAwait(false);
        tx.WithOperationParameter("mode", "Overwrite").WithOperationParameter("partitionBy", PartitionByJson(tx.Metadata.PartitionColumns));
        if (predicate is not null && !predicate.IsAll)
        {
            tx.WithOperationParameter("predicate", predicate.ToString());
        }

        tx.RemoveWhere(predicate ?? PartitionPredicate.All);
        foreach (var batch in batches)
        {
            await tx.WriteAsync(batch, options, cancellationToken).ConfigureAwait(false);
        }

        if (predicate is not null && !predicate.IsAll)
        {
            tx.EnsureAddsMatch(predicate);
        }

        return await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the partitions matching <paramref name="predicate"/> (operation DELETE).</summary>
    public async Task<CommitResult> DeletePartitionsAsync(PartitionPredicate predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var tx = await StartTransactionAsync(cancellationToken).ConfigureAwait(false);
        tx.Operation = DeltaOperation.Delete;
        tx.WithOperationParameter("predicate", "[\"" + System.Text.Json.JsonEncodedText.Encode(predicate.ToString()) + "\"]");
        tx.RemoveWhere(predicate);
        return await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows of one live file of <paramref name="snapshot"/> in the snapshot's schema (for merge, rewrite, optimize).</summary>
    public IAsyncEnumerable<RecordBatch> ReadFileAsync(Snapshot snapshot, LiveFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(file);
        return TableReader.ReadFileAsync(Store, snapshot, file, snapshot.Schema, cancellationToken);
    }

    /// <summary>
    /// The rows of one live file of <paramref name="snapshot"/> with only <paramref name="columns"/> (in that order; all
    /// when null), so readers that need a few columns of a wide table decode only those.
    /// </summary>
    public IAsyncEnumerable<RecordBatch> ReadFileAsync(Snapshot snapshot, LiveFile file, IReadOnlyList<string>? columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(file);
        return TableReader.ReadFileAsync(Store, snapshot, file, TableReader.Project(snapshot.Schema, columns, snapshot.TableUri), cancellationToken);
    }
}
