using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions;

/// <summary>Gathers rows of a batch by index into a new batch (filters, dedupe, merge). Typed copies for flat columns; nested columns use the slow boxed path.</summary>
public static class RecordBatchRows
{
    public static RecordBatch Take(RecordBatch batch, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var columns = new ColumnVector[batch.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = Take(batch.Columns[c], rows);
        }

        return new RecordBatch(batch.Schema, columns);
    }

    public static ColumnVector Take(ColumnVector vector, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector switch
        {
            BooleanVector v => TakePrimitive(v, new BooleanVector(rows.Length), rows),
            Int32Vector v => TakePrimitive(v, new Int32Vector(v.Type, rows.Length), rows),
            Int64Vector v => TakePrimitive(v, new Int64Vector(v.Type, rows.Length), rows),
            FloatVector v => TakePrimitive(v, new FloatVector(rows.Length), rows),
            DoubleVector v => TakePrimitive(v, new DoubleVector(rows.Length), rows),
            DecimalVector v => TakePrimitive(v, new DecimalVector(v.DecimalType, rows.Length), rows),
            BinaryVector v => TakeBinary(v, rows),
            _ => TakeBoxed(vector, rows),
        };
    }

    private static PrimitiveVector<T> TakePrimitive<T>(PrimitiveVector<T> source, PrimitiveVector<T> target, ReadOnlySpan<int> rows)
        where T : unmanaged
    {
        var values = source.Values;
        var gathered = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            gathered[i] = values[rows[i]];
        }

        var nulls = source.NullMask.Span;
        if (nulls.IsEmpty)
        {
            target.AppendRange(gathered);
        }
        else
        {
            var flags = new bool[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                flags[i] = nulls[rows[i]];
            }

            target.AppendRange(gathered, flags);
        }

        return target;
    }

    private static BinaryVector TakeBinary(BinaryVector source, ReadOnlySpan<int> rows)
    {
        var offsets = source.Offsets;
        var bytes = 0L;
        foreach (var r in rows)
        {
            bytes += offsets[r + 1] - offsets[r];
        }

        var target = new BinaryVector(source.Type, rows.Length, (int)Math.Min(bytes, int.MaxValue - 64));
        var data = source.Data;
        foreach (var r in rows)
        {
            if (source.IsNull(r))
            {
                target.AppendNull();
            }
            else
            {
                target.Append(data[offsets[r]..offsets[r + 1]]);
            }
        }

        return target;
    }

    private static ColumnVector TakeBoxed(ColumnVector source, ReadOnlySpan<int> rows)
    {
        var target = ColumnVector.Create(source.Type, rows.Length);
        foreach (var r in rows)
        {
            target.AppendValue(source.GetValue(r));
        }

        return target;
    }
}
