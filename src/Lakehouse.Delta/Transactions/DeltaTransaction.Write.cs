using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Transactions;

public sealed partial class DeltaTransaction
{
    /// <summary>
    /// Writes <paramref name="batch"/> as data files (one per partition, rolled at the target file size) and stages
    /// their <c>add</c> actions. The batch must hold the partition columns; its other columns must exist in the table
    /// with the same types, unless <see cref="WriteOptions.MergeSchema"/> adds them. NOT NULL columns and invariants
    /// are checked first. To write many batches into the same files, use <see cref="OpenFileWriter"/>.
    /// </summary>
    public async Task WriteAsync(RecordBatch batch, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var writer = OpenFileWriter(options);
        await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a writer that turns many batches into few data files (row groups of one file per partition, rolled at
    /// <see cref="WriteOptions.TargetFileSize"/> or the table's <c>delta.targetFileSize</c>), streamed to the store
    /// while they are written. Closed files are staged in this transaction as they close.
    /// </summary>
    public TableFileWriter OpenFileWriter(WriteOptions? options = null) => new(this, _table, options ?? WriteOptions.Default);

    /// <summary>Throws unless every staged add lies in partitions matching <paramref name="predicate"/> (replaceWhere semantics).</summary>
    internal void EnsureAddsMatch(PartitionPredicate predicate)
    {
        var schema = Metadata.Schema;
        foreach (var add in _adds)
        {
            var typed = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in Metadata.PartitionColumns)
            {
                add.PartitionValues.TryGetValue(column, out var text);
                typed[column] = PartitionValueCodec.Parse(text, schema[column].Type, column);
            }

            if (!predicate.Matches(typed))
            {
                throw new DeltaWriteException(
                    $"Data written to {_table.TableUri} falls outside the overwritten partitions ({predicate}): file {add.Path}. Filter the data to those partitions.");
            }
        }
    }
}
