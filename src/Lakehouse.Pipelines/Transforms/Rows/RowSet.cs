using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// Rows as boxed value arrays in one schema, for the keyed steps (dedupe, merge, SCD2) that reorder and replace
/// whole rows. Converts from and to <see cref="RecordBatch"/> by column name, so batches of older schemas fit.
/// </summary>
internal static class RowSet
{
    /// <summary>The rows of <paramref name="batch"/> laid out in <paramref name="schema"/> (missing columns are NULL).</summary>
    public static IEnumerable<object?[]> Read(RecordBatch batch, StructType schema)
    {
        var map = new int[schema.Fields.Count];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = batch.Schema.IndexOf(schema.Fields[i].Name);
        }

        for (var r = 0; r < batch.RowCount; r++)
        {
            var row = new object?[map.Length];
            for (var c = 0; c < map.Length; c++)
            {
                row[c] = map[c] < 0 ? null : batch.Columns[map[c]].GetValue(r);
            }

            yield return row;
        }
    }

    /// <summary>Row <paramref name="row"/> of <paramref name="batch"/> laid out in <paramref name="schema"/>.</summary>
    public static object?[] ReadRow(RecordBatch batch, StructType schema, int row)
    {
        var values = new object?[schema.Fields.Count];
        for (var c = 0; c < values.Length; c++)
        {
            var index = batch.Schema.IndexOf(schema.Fields[c].Name);
            values[c] = index < 0 ? null : batch.Columns[index].GetValue(row);
        }

        return values;
    }

    /// <summary>A batch of <paramref name="schema"/> holding <paramref name="rows"/>.</summary>
    public static RecordBatch ToBatch(StructType schema, IReadOnlyCollection<object?[]> rows)
    {
        var columns = new ColumnVector[schema.Fields.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = ColumnVector.Create(schema.Fields[c].Type, Math.Max(rows.Count, 1));
        }

        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].AppendValue(row[c]);
            }
        }

        return new RecordBatch(schema, columns);
    }

    /// <summary><paramref name="first"/>'s fields, then those of <paramref name="second"/> it lacks (by name).</summary>
    public static StructType Union(StructType first, StructType second)
    {
        var fields = first.Fields.ToList();
        foreach (var f in second.Fields)
        {
            if (first.IndexOf(f.Name) < 0)
            {
                fields.Add(f with { Nullable = true });
            }
        }

        return fields.Count == first.Fields.Count ? first : new StructType(fields);
    }

    public static int[] IndexesOf(StructType schema, IReadOnlyList<string> columns, string what)
    {
        var indexes = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            indexes[i] = schema.IndexOf(columns[i]);
            if (indexes[i] < 0)
            {
                throw new InvalidOperationException($"{what}: column '{columns[i]}' is not in {schema}.");
            }
        }

        return indexes;
    }
}
