using System.Text.Json;
using Lakehouse.Delta;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

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
        if (tx.Snapshot is { } snapshot)
        {
            var files = tx.ReadFiles(PartitionPredicate.All);
            var pruner = StatsPruner.Create(schema, keyIndexes, keys);
            foreach (var file in files)
            {
                if (!pruner.MayContain(file))
                {
                    stats.FilesPruned++;
                    continue;
                }

                stats.FilesRead++;
                var rows = new List<object?[]>();
                var touched = false;
                await foreach (var batch in table.ReadFileAsync(snapshot, file, ct).ConfigureAwait(false))
                {
                    foreach (var row in RowSet.Read(batch, schema))
                    {
                        rows.Add(row);
                        touched |= keySet.Contains(RowKey.Of(row, keyIndexes));
                    }
                }

                if (!touched)
                {
                    continue;
                }

                stats.FilesRewritten++;
                tx.RemoveFile(file);
                foreach (var row in rows)
                {
                    var key = RowKey.Of(row, keyIndexes);
                    if (keySet.Contains(key))
                    {
                        if (!existing.TryGetValue(key, out var list))
                        {
                            existing[key] = list = [];
                        }

                        list.Add(row);
                    }
                    else
                    {
                        kept.Add(row);
                    }
                }
            }
        }

        stats.RowsCarried = kept.Count;
        var output = kept;
        foreach (var key in keys)
        {
            output.AddRange(resolve(key, existing.TryGetValue(key, out var rows) ? rows : []));
        }

        stats.RowsWritten = output.Count;
        if (output.Count > 0)
        {
            await tx.WriteAsync(RowSet.ToBatch(schema, output), new WriteOptions { MergeSchema = true }, ct).ConfigureAwait(false);
        }

        return stats;
    }

    /// <summary>Skips files whose key min/max statistics exclude every affected key (single integer, string or date key).</summary>
    private sealed class StatsPruner
    {
        private readonly string? _column;
        private readonly TypeKind _kind;
        private readonly object[] _sortedKeys = [];

        private StatsPruner(string? column, TypeKind kind, object[] sortedKeys)
        {
            _column = column;
            _kind = kind;
            _sortedKeys = sortedKeys;
        }

        public static StatsPruner Create(StructType schema, int[] keyIndexes, IReadOnlyCollection<RowKey> keys)
        {
            if (keyIndexes.Length != 1 || keys.Any(k => k.Values[0] is null))
            {
                return new StatsPruner(null, TypeKind.Boolean, []);
            }

            var field = schema.Fields[keyIndexes[0]];
            if (field.Type.Kind is not (TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.String))
            {
                return new StatsPruner(null, TypeKind.Boolean, []);
            }

            var sorted = keys.Select(k => k.Values[0]!).ToArray();
            Array.Sort(sorted, ValueComparer.Instance);
            return new StatsPruner(field.Name, field.Type.Kind, sorted);
        }

        public bool MayContain(LiveFile file)
        {
            if (_column is null || file.Stats is not { } stats || !TryBound(stats.MinValues, out var min) || !TryBound(stats.MaxValues, out var max))
            {
                return true;
            }

            // First key >= min; the file may hold a key only if that key is also <= max.
            int lo = 0, hi = _sortedKeys.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (ValueComparer.Instance.Compare(_sortedKeys[mid], min) < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo < _sortedKeys.Length && ValueComparer.Instance.Compare(_sortedKeys[lo], max) <= 0;
        }

        private bool TryBound(JsonElement? values, out object? bound)
        {
            bound = null;
            if (values is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(_column!, out var v))
            {
                return false;
            }

            if (_kind == TypeKind.String)
            {
                // Writers may truncate string stats; a truncated max is not an upper bound, so only trust short values.
                if (v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: < 32 } s)
                {
                    return false;
                }

                bound = s;
                return true;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l))
            {
                bound = l;
                return true;
            }

            return false;
        }
    }
}
