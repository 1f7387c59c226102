using System.Text.Json;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// Skips source files that cannot hold any of a set of group keys: for each group key that is a plain integer or
/// string column, a file whose min/max statistics for that column contain none of the wanted values is skipped.
/// Files without usable statistics are always read.
/// </summary>
internal sealed class KeyRangePruner
{
    private readonly List<(string Column, TypeKind Kind, object[] Sorted)> _columns = [];

    /// <summary>Adds a prunable column with the wanted values (ignored when any value is NULL: NULLs have no range).</summary>
    public void AddColumn(string column, DataType type, IEnumerable<object?> values)
    {
        if (type.Kind is not (TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.String))
        {
            return;
        }

        var list = values.ToList();
        if (list.Count == 0 || list.Any(v => v is null))
        {
            return;
        }

        var sorted = list.Select(v => v!).ToArray();
        Array.Sort(sorted, ValueComparer.Instance);
        _columns.Add((column, type.Kind, sorted));
    }

    public bool MayContain(LiveFile file)
    {
        if (_columns.Count == 0 || file.Stats is not { } stats)
        {
            return true;
        }

        foreach (var (column, kind, sorted) in _columns)
        {
            if (!TryBound(stats.MinValues, column, kind, out var min) || !TryBound(stats.MaxValues, column, kind, out var max))
            {
                continue;
            }

            // First wanted value >= min; the file may hold one only if that value is also <= max.
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (ValueComparer.Instance.Compare(sorted[mid], min) < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            if (lo >= sorted.Length || ValueComparer.Instance.Compare(sorted[lo], max) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryBound(JsonElement? values, string column, TypeKind kind, out object? bound)
    {
        bound = null;
        if (values is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(column, out var v))
        {
            return false;
        }

        if (kind == TypeKind.String)
        {
            // Writers may truncate string statistics; a truncated max is no upper bound, so only short values are trusted.
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
