using System.Runtime.InteropServices;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Turns a boolean column into row indices (TRUE and not null).</summary>
internal static class Selection
{
    /// <summary>Indices of TRUE rows, each plus <paramref name="offset"/> (the chunk's first batch row).</summary>
    public static int[] FromMask(PrimitiveColumn<bool> column, int rows, int offset)
    {
        if (column.IsScalar)
        {
            return !column.IsNull(0) && column.ValueAt(0) ? Enumerable.Range(offset, rows).ToArray() : [];
        }

        var values = column.Values.Span[..rows];
        var nulls = column.Nulls.Span;
        var bytes = MemoryMarshal.Cast<bool, byte>(values);
        var count = 0;
        if (nulls.IsEmpty)
        {
            count = rows - bytes.Count((byte)0);
        }
        else
        {
            for (var i = 0; i < rows; i++)
            {
                count += values[i] & !nulls[i] ? 1 : 0;
            }
        }

        var result = new int[count];
        var next = 0;
        for (var i = 0; i < rows && next < count; i++)
        {
            if (values[i] && (nulls.IsEmpty || !nulls[i]))
            {
                result[next++] = i + offset;
            }
        }

        return result;
    }
}
