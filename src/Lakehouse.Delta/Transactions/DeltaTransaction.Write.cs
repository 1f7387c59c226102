using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Transactions;

public sealed partial class DeltaTransaction
{
    /// <summary>
    /// Writes <paramref name="batch"/> as data files (one per partition) and stages their <c>add</c> actions. The batch
    /// must hold the partition columns; its other columns must exist in the table with the same types, unless
    /// <see cref="WriteOptions.MergeSchema"/> adds them. NOT NULL columns and invariants are checked first.
    /// </summary>
    public async Task WriteAsync(RecordBatch batch, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        options ??= WriteOptions.Default;
        var current = Metadata;
        var merged = SchemaEvolution.Merge(current.Schema, batch.Schema, options.MergeSchema, _table.TableUri);
        if (!ReferenceEquals(merged, current.Schema))
        {
            UpdateMetadata(current with { SchemaString = SchemaJson.Serialize(merged) });
        }

        if (batch.RowCount == 0)
        {
            return;
        }

        var adds = await DataFileWriter.WriteAsync(_table, Metadata, batch, options.DataChange, cancellationToken).ConfigureAwait(false);
        _adds.AddRange(adds);
    }

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
