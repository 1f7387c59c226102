using System.Text.Json;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// Skips files that cannot hold any of a set of keys: for one integer or string key column, a file whose min/max
/// statistics for that column contain none of the (sorted) keys is not read. Anything else (other types, NULL keys,
/// missing or truncated statistics) keeps the file. With several key columns, use one pruner per column and skip a
/// file when any of them excludes it (<see cref="MayContainAll"/>): a row matching a composite key matches every column.
/// </summary>
internal sealed class KeyRangePruner
{
    private static readonly KeyRangePruner None = new(null, null, null);
    private readonly string? _column;
    private readonly long[]? _longs;
    private readonly string[]? _strings;

    private KeyRangePruner(string? column, long[]? longs, string[]? strings)
    {
        _column = column;
        _longs = longs;
        _strings = strings;
    }

    /// <summary>A pruner for the keys in <paramref name="columns"/>[row.Batch] at <paramref name="rows"/> (one key column).</summary>
    public static KeyRangePruner Create(string column, DataType type, IReadOnlyList<ColumnVector?> columns, ReadOnlySpan<RowRef> rows)
    {
        if (type.Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Long)
        {
            var longs = new long[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                switch (columns[rows[i].Batch])
                {
                    case Int64Vector v when !v.IsNull(rows[i].Row):
                        longs[i] = v.Values[rows[i].Row];
                        break;
                    case Int32Vector v when !v.IsNull(rows[i].Row):
                        longs[i] = v.Values[rows[i].Row];
                        break;
                    default:
                        return None;
                }
            }

            Array.Sort(longs);
            return new KeyRangePruner(column, longs, null);
        }

        if (type.Kind == TypeKind.String)
        {
            var strings = new string[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                if (columns[rows[i].Batch] is not BinaryVector v || v.IsNull(rows[i].Row))
                {
                    return None;
                }

                strings[i] = v.GetString(rows[i].Row);
            }

            Array.Sort(strings, StringComparer.Ordinal);
            return new KeyRangePruner(column, null, strings);
        }

        return None;
    }

    /// <summary>A pruner for boxed key values of one column (integers or strings; anything else, or a NULL, prunes nothing).</summary>
    public static KeyRangePruner ForValues(string column, DataType type, IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        if (type.Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Long)
        {
            var longs = new List<long>();
            foreach (var value in values)
            {
                if (value is not (byte or short or int or long))
                {
                    return None;
                }

                longs.Add(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            var sorted = longs.ToArray();
            Array.Sort(sorted);
            return sorted.Length == 0 ? None : new KeyRangePruner(column, sorted, null);
        }

        if (type.Kind == TypeKind.String)
        {
            var strings = new List<string>();
            foreach (var value in values)
            {
                if (value is not string text)
                {
                    return None;
                }

                strings.Add(text);
            }

            var sorted = strings.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            return sorted.Length == 0 ? None : new KeyRangePruner(column, null, sorted);
        }

        return None;
    }

    /// <summary>False when any of <paramref name="pruners"/> (one per key column) shows the file holds none of its keys.</summary>
    public static bool MayContainAll(IReadOnlyList<KeyRangePruner> pruners, LiveFile file)
    {
        ArgumentNullException.ThrowIfNull(pruners);
        for (var i = 0; i < pruners.Count; i++)
        {
            if (!pruners[i].MayContain(file))
            {
                return false;
            }
        }

        return true;
    }

    public bool MayContain(LiveFile file)
    {
        if (_column is null || file.Stats is not { } stats
            || stats.MinValues is not { ValueKind: JsonValueKind.Object } min || !min.TryGetProperty(_column, out var lo)
            || stats.MaxValues is not { ValueKind: JsonValueKind.Object } max || !max.TryGetProperty(_column, out var hi))
        {
            return true;
        }

        if (_longs is not null)
        {
            if (!lo.TryGetInt64(out var low) || !hi.TryGetInt64(out var high))
            {
                return true;
            }

            var at = Array.BinarySearch(_longs, low);
            at = at < 0 ? ~at : at;
            return at < _longs.Length && _longs[at] <= high;
        }

        // Writers may truncate string stats; a truncated max is not an upper bound, so only trust short values.
        if (lo.ValueKind != JsonValueKind.String || hi.ValueKind != JsonValueKind.String || hi.GetString() is not { Length: < 32 } highText)
        {
            return true;
        }

        var lowText = lo.GetString()!;
        var index = Array.BinarySearch(_strings!, lowText, StringComparer.Ordinal);
        index = index < 0 ? ~index : index;
        return index < _strings!.Length && string.CompareOrdinal(_strings[index], highText) <= 0;
    }
}
