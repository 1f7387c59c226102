using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>string/binary values as one byte buffer and <c>Length + 1</c> offsets (UTF-8 for strings).</summary>
internal sealed class BinaryColumn : EvalColumn
{
    public BinaryColumn(DataType type, ReadOnlyMemory<byte> data, ReadOnlyMemory<int> offsets, ReadOnlyMemory<bool> nulls, bool isScalar = false)
        : base(type, offsets.Length - 1, isScalar, nulls)
    {
        Data = data;
        Offsets = offsets;
    }

    public ReadOnlyMemory<byte> Data { get; }

    public ReadOnlyMemory<int> Offsets { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ValueAt(int row)
    {
        var offsets = Offsets.Span;
        var i = IsScalar ? 0 : row;
        return Data.Span[offsets[i]..offsets[i + 1]];
    }

    public static BinaryColumn Scalar(DataType type, ReadOnlySpan<byte> value) =>
        new(type, value.ToArray(), new[] { 0, value.Length }, ReadOnlyMemory<bool>.Empty, true);

    public static BinaryColumn NullScalar(DataType type) => new(type, Array.Empty<byte>(), EmptyOffsets, NullMasks.SingleNull, true);

    private static readonly int[] EmptyOffsets = [0, 0];

    public override ColumnVector ToVector()
    {
        var vector = new BinaryVector(Type, Length, Math.Max(16, Data.Length));
        for (var i = 0; i < Length; i++)
        {
            AppendTo(vector, i);
        }

        return vector;
    }

    public override void AppendTo(ColumnVector vector, int row)
    {
        if (IsNull(row))
        {
            vector.AppendNull();
        }
        else
        {
            ((BinaryVector)vector).Append(ValueAt(row));
        }
    }
}
