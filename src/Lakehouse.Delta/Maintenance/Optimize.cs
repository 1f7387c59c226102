using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Maintenance;

/// <summary>
/// OPTIMIZE: per partition, bin-packs files smaller than the target size into bins of about the target size and
/// rewrites each bin of two or more files as one file, in one commit with dataChange=false (readers of changes skip it,
/// and concurrent blind appends do not conflict with it).
/// </summary>
internal static class Optimize
{
    public static async Task<OptimizeResult> RunAsync(DeltaTable table, OptimizeOptions options, CancellationToken cancellationToken)
    {
        var snapshot = await table.GetSnapshotAsync(null, cancellationToken).ConfigureAwait(false);
        var tx = table.StartTransaction(snapshot);
        tx.Operation = DeltaOperation.Optimize;
        tx.IsolationLevel = IsolationLevel.SnapshotIsolation;
        tx.WithOperationParameter("predicate", "[" + (options.Predicate is null ? string.Empty : "\"" + System.Text.Json.JsonEncodedText.Encode(options.Predicate.ToString()) + "\"") + "]")
          .WithOperationParameter("zOrderBy", "[]");
        var candidates = tx.ReadFiles(options.Predicate ?? PartitionPredicate.All).Where(f => f.Size < options.TargetFileSize);
        var properties = TableProperties.From(snapshot.Metadata.Configuration);
        var partitionColumns = new HashSet<string>(snapshot.PartitionColumns, StringComparer.OrdinalIgnoreCase);
        var dataSchema = new StructType(snapshot.Schema.Fields.Where(f => !partitionColumns.Contains(f.Name)));
        int removed = 0, added = 0;
        var bins = candidates.GroupBy(f => PartitionKey(f, snapshot.PartitionColumns))
            .SelectMany(partition => Pack(partition.OrderBy(f => f.Size).ToList(), options.TargetFileSize))
            .Where(bin => bin.Count >= 2)
            .ToList();
        var total = bins.Sum(b => b.Count);
        foreach (var bin in bins)
        {
            var batches = new List<RecordBatch>();
            foreach (var file in bin)
            {
                await foreach (var batch in table.ReadFileAsync(snapshot, file, cancellationToken).ConfigureAwait(false))
                {
                    batches.Add(new RecordBatch(dataSchema, dataSchema.Fields.Select(f => batch.Column(f.Name)).ToArray()));
                }

                tx.RemoveFile(file, dataChange: false);
                removed++;
                options.Progress?.Report(new MaintenanceProgress(removed, total, file.Key));
            }

            var add = await DataFileWriter.WriteFileAsync(table, snapshot.Metadata, bin[0].Add.PartitionValues, batches, properties, dataChange: false, cancellationToken).ConfigureAwait(false);
            tx.AddFile(add);
            added++;
        }

        if (removed == 0)
        {
            return new OptimizeResult(0, 0, null);
        }

        var result = await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new OptimizeResult(removed, added, result.Version);
    }

    private static string PartitionKey(LiveFile file, IReadOnlyList<string> columns) =>
        string.Join("\u0001", columns.Select(c => file.Add.PartitionValues.TryGetValue(c, out var v) ? v ?? "\u0000" : "\u0000"));

    private static List<List<LiveFile>> Pack(List<LiveFile> files, long target)
    {
        var bins = new List<List<LiveFile>>();
        var current = new List<LiveFile>();
        long size = 0;
        foreach (var f in files)
        {
            if (current.Count > 0 && size + f.Size > target)
            {
                bins.Add(current);
                current = [];
                size = 0;
            }

            current.Add(f);
            size += f.Size;
        }

        if (current.Count > 0)
        {
            bins.Add(current);
        }

        return bins;
    }
}
