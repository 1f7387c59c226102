using System.Text.Json;
using Lakehouse.Delta;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// The copy-on-write core of merge, SCD2 and gold merge: find the live files that hold any of the affected keys, read
/// them, let the caller turn each key's existing rows into its new rows, and stage remove(old files) + add(new file)
/// in the transaction. Files holding none of the keys stay untouched. With a single key column the files'
/// min/max statistics prune files that cannot hold any key, so they are never read.
/// </summary>
internal static class KeyedRewriter
{
    /// <summary>
    /// Rewrites the files holding <c>keys</c>; <c>resolve</c> maps a key and its existing rows (in <c>schema</c>, possibly
    /// empty) to its rows after the change.
    /// </summary>
    public static async Task<RewriteStats> RewriteAsync(
        DeltaTable table, DeltaTransaction tx, StructType schema, int[] keyIndexes, IReadOnlyCollection<RowKey> keys,
        Func<RowKey, List<object?[]>, IEnumerable<object?[]>> resolve, CancellationToken ct)
    {
        var stats = new RewriteStats();
        var keySet = new HashSet<RowKey>(keys);
        var existing = new Dictionary<RowKey, List<object?[]>>();
        var kept = new List<object?[]>();
        var options = new WriteOptions { MergeSchema = true };
        if (tx.Snapshot is { } snapshot)
        {
            var files = tx.ReadFiles(PartitionPredicate.All);
            var pruners = keyIndexes
                .Select((field, position) => KeyRangePruner.ForValues(schema.Fields[field].Name, schema.Fields[field].Type, keys.Select(key => key.Values[position])))
                .ToList();
            foreach (var file in files)
            {
                if (!KeyRangePruner.MayContainAll(pruners, file))
                {
                    stats.FilesPruned++;
                    continue;
                }

                stats.FilesRead++;
                var fileExisting = new List<(RowKey Key, object?[] Row)>();
                var fileKept = new List<object?[]>();
                var fileCarried = new List<RecordBatch>();
                await foreach (var batch in table.ReadFileAsync(snapshot, file, ct).ConfigureAwait(false))
                {
                    // Carried rows stay columnar (no boxing) when the file has the table's current schema.
                    var sameSchema = batch.Schema.Equals(schema);
                    var batchKeys = KeyColumns(batch, schema, keyIndexes);
                    var carry = new List<int>(batch.RowCount);
                    for (var r = 0; r < batch.RowCount; r++)
                    {
                        var key = KeyAt(batchKeys, r);
                        if (keySet.Contains(key))
                        {
                            fileExisting.Add((key, RowSet.ReadRow(batch, schema, r)));
                        }
                        else if (sameSchema)
                        {
                            carry.Add(r);
                        }
                        else
                        {
                            fileKept.Add(RowSet.ReadRow(batch, schema, r));
                        }
                    }

                    if (carry.Count > 0)
                    {
                        fileCarried.Add(carry.Count == batch.RowCount ? batch : RecordBatchRows.Take(batch, carry.ToArray()));
                    }
                }

                if (fileExisting.Count == 0)
                {
                    continue;
                }

                stats.FilesRewritten++;
                tx.RemoveFile(file);
                kept.AddRange(fileKept);

                // Carried rows go out with the file they came from, so memory holds one file's rows, not all of them.
                foreach (var batch in fileCarried)
                {
                    stats.RowsCarried += batch.RowCount;
                    stats.RowsWritten += batch.RowCount;
                    await tx.WriteAsync(batch, options, ct).ConfigureAwait(false);
                }
                foreach (var (key, row) in fileExisting)
                {
                    if (!existing.TryGetValue(key, out var list))
                    {
                        existing[key] = list = [];
                    }

                    list.Add(row);
                }
            }
        }

        stats.RowsCarried += kept.Count;
        var output = kept;
        foreach (var key in keys)
        {
            output.AddRange(resolve(key, existing.TryGetValue(key, out var rows) ? rows : []));
        }

        stats.RowsWritten += output.Count;

        if (output.Count > 0)
        {
            await tx.WriteAsync(RowSet.ToBatch(schema, output), options, ct).ConfigureAwait(false);
        }

        return stats;
    }

    private static ColumnVector[] KeyColumns(RecordBatch batch, StructType schema, int[] keyIndexes) =>
        keyIndexes.Select(i => batch.Schema.IndexOf(schema.Fields[i].Name) is var c and >= 0 ? batch.Columns[c] : ColumnVector.Create(schema.Fields[i].Type, 0)).ToArray();

    private static RowKey KeyAt(ColumnVector[] keys, int row)
    {
        var values = new object?[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            values[k] = row < keys[k].Count ? keys[k].GetValue(row) : null;
        }

        return new RowKey(values);
    }
}
