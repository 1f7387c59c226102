using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// Builds one batch in a target schema from rows scattered over several batches (by <see cref="RowRef"/>), matching
/// columns by name: columns a source batch lacks are NULL. Flat columns are copied typed, run by run of refs into the
/// same batch; nested ones take the boxed path.
/// </summary>
internal static class RowGather
{
    public static RecordBatch Gather(StructType schema, IReadOnlyList<RecordBatch> batches, ReadOnlySpan<RowRef> rows)
    {
        var columns = new ColumnVector[schema.Fields.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var field = schema.Fields[c];
            var target = ColumnVector.Create(field.Type, Math.Max(1, rows.Length));
            var start = 0;
            while (start < rows.Length)
            {
                var batch = rows[start].Batch;
                var end = start + 1;
                while (end < rows.Length && rows[end].Batch == batch)
                {
                    end++;
                }

                var index = batches[batch].Schema.IndexOf(field.Name);
                AppendRun(target, index < 0 ? null : batches[batch].Columns[index], rows[start..end]);
                start = end;
            }

            columns[c] = target;
        }

        return new RecordBatch(schema, columns);
    }

    /// <summary>All rows of <paramref name="batch"/> in <paramref name="schema"/>; the batch itself when it already fits.</summary>
    public static RecordBatch Conform(StructType schema, RecordBatch batch)
    {
        if (batch.Schema.Equals(schema))
        {
            return batch;
        }

        var rows = new RowRef[batch.RowCount];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new RowRef(0, r);
        }

        return Gather(schema, [batch], rows);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendRun(ColumnVector target, ColumnVector? source, ReadOnlySpan<RowRef> rows)
    {
        if (source is null)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                target.AppendNull();
            }

            return;
        }

        switch (target, source)
        {
            case (Int64Vector t, Int64Vector s):
                Primitive(t, s, rows);
                return;
            case (Int32Vector t, Int32Vector s):
                Primitive(t, s, rows);
                return;
            case (DoubleVector t, DoubleVector s):
                Primitive(t, s, rows);
                return;
            case (FloatVector t, FloatVector s):
                Primitive(t, s, rows);
                return;
            case (BooleanVector t, BooleanVector s):
                Primitive(t, s, rows);
                return;
            case (DecimalVector t, DecimalVector s) when t.DecimalType.Equals(s.DecimalType):
                Primitive(t, s, rows);
                return;
            case (BinaryVector t, BinaryVector s):
                foreach (var r in rows)
                {
                    if (s.IsNull(r.Row))
                    {
                        t.AppendNull();
                    }
                    else
                    {
                        t.Append(s.GetBytes(r.Row));
                    }
                }

                return;
            default:
                foreach (var r in rows)
                {
                    target.AppendValue(source.GetValue(r.Row));
                }

                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Primitive<T>(PrimitiveVector<T> target, PrimitiveVector<T> source, ReadOnlySpan<RowRef> rows)
        where T : unmanaged
    {
        target.EnsureCapacity(target.Count + rows.Length);
        var values = source.Values;
        if (!source.HasNulls)
        {
            foreach (var r in rows)
            {
                target.Append(values[r.Row]);
            }

            return;
        }

        foreach (var r in rows)
        {
            if (source.IsNull(r.Row))
            {
                target.AppendNull();
            }
            else
            {
                target.Append(values[r.Row]);
            }
        }
    }
}
