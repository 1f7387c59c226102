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

        var values = MemoryMarshal.Cast<bool, byte>(column.Values.Span[..rows]);
        var nulls = MemoryMarshal.Cast<bool, byte>(column.Nulls.Span);
        var scratch = new int[rows];
        var next = 0;

        // Branch-free compaction: always write the index, advance only when the row is kept.
        if (nulls.IsEmpty)
        {
            for (var i = 0; i < rows; i++)
            {
                scratch[next] = i + offset;
                next += values[i];
            }
        }
        else
        {
            for (var i = 0; i < rows; i++)
            {
                scratch[next] = i + offset;
                next += values[i] & (nulls[i] ^ 1);
            }
        }

        var result = next == rows ? scratch : scratch.AsSpan(0, next).ToArray();
        return result;
    }
}
