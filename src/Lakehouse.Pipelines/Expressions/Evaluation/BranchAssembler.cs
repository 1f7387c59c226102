using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Builds a CASE/coalesce result: row <c>i</c> takes its value from <c>sources[choice[i]]</c>, or null where <c>choice[i]</c> is -1.</summary>
internal static class BranchAssembler
{
    public static EvalColumn Assemble(DataType type, IReadOnlyList<EvalColumn> sources, int[] choice)
    {
        return type.Kind switch
        {
            TypeKind.Boolean => Primitive<bool>(type, sources, choice),
            TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Date => Primitive<int>(type, sources, choice),
            TypeKind.Long or TypeKind.Timestamp => Primitive<long>(type, sources, choice),
            TypeKind.Float => Primitive<float>(type, sources, choice),
            TypeKind.Double => Primitive<double>(type, sources, choice),
            TypeKind.Decimal => Primitive<Int128>(type, sources, choice),
            TypeKind.String or TypeKind.Binary => Binary(type, sources, choice),
            _ => Nested(type, sources, choice),
        };
    }

    private static PrimitiveColumn<T> Primitive<T>(DataType type, IReadOnlyList<EvalColumn> sources, int[] choice)
        where T : unmanaged
    {
        var typed = sources.Select(s => (PrimitiveColumn<T>)s).ToArray();
        var values = new T[choice.Length];
        var nulls = new bool[choice.Length];
        for (var i = 0; i < choice.Length; i++)
        {
            var c = choice[i];
            if (c < 0 || typed[c].IsNull(i))
            {
                nulls[i] = true;
            }
            else
            {
                values[i] = typed[c].ValueAt(i);
            }
        }

        return new PrimitiveColumn<T>(type, values, NullMasks.Compact(nulls));
    }

    private static BinaryColumn Binary(DataType type, IReadOnlyList<EvalColumn> sources, int[] choice)
    {
        var typed = sources.Select(s => (BinaryColumn)s).ToArray();
        var builder = new BinaryBuilder(type, choice.Length, typed.Length == 0 ? 16 : typed.Max(t => t.Data.Length));
        for (var i = 0; i < choice.Length; i++)
        {
            var c = choice[i];
            if (c < 0 || typed[c].IsNull(i))
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(typed[c].ValueAt(i));
            }
        }

        return builder.Build();
    }

    private static OpaqueColumn Nested(DataType type, IReadOnlyList<EvalColumn> sources, int[] choice)
    {
        var vector = ColumnVector.Create(type, choice.Length);
        for (var i = 0; i < choice.Length; i++)
        {
            if (choice[i] < 0)
            {
                vector.AppendNull();
            }
            else
            {
                sources[choice[i]].AppendTo(vector, i);
            }
        }

        return new OpaqueColumn(vector);
    }
}
