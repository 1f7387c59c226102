using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// Decimal + - * / % following Spark's result types (the binder computes <c>result</c>). A result that exceeds its
/// precision is an error naming the expression; division or remainder by zero gives null.
/// </summary>
internal static class DecimalKernels
{
    public static PrimitiveColumn<Int128> Run(
        BinaryOperator op, PrimitiveColumn<Int128> a, PrimitiveColumn<Int128> b, DecimalType result, EvaluationScope scope, bool[]? active, int offset)
    {
        var rows = scope.RowsFor(a, b);
        if (a.IsNullScalar || b.IsNullScalar)
        {
            return PrimitiveColumn<Int128>.NullScalar(result);
        }

        var sa = ((DecimalType)a.Type).Scale;
        var sb = ((DecimalType)b.Type).Scale;
        var s = result.Scale;
        var values = new Int128[rows];
        var nulls = NullMasks.UnionWritable(a, b, rows);
        for (var i = 0; i < rows; i++)
        {
            if (nulls[i])
            {
                continue;
            }

            var x = a.ValueAt(i);
            var y = b.ValueAt(i);
            bool overflow;
            Int128 r;
            switch (op)
            {
                case BinaryOperator.Add:
                case BinaryOperator.Subtract:
                    var xs = DecimalMath.Rescale(x, sa, s, out var o1);
                    var ys = DecimalMath.Rescale(op == BinaryOperator.Add ? y : -y, sb, s, out var o2);
                    r = DecimalMath.AddChecked(xs, ys, out overflow);
                    overflow |= o1 | o2;
                    break;
                case BinaryOperator.Multiply:
                    r = DecimalMath.Multiply(x, sa, y, sb, s, out overflow);
                    break;
                case BinaryOperator.Divide when y == 0:
                case BinaryOperator.Modulo when y == 0:
                    nulls[i] = true;
                    continue;
                case BinaryOperator.Divide:
                    r = DecimalMath.Divide(x, sa, y, sb, s, out overflow);
                    break;
                default:
                    var common = Math.Max(sa, sb);
                    var xr = DecimalMath.Rescale(x, sa, common, out var o3);
                    var yr = DecimalMath.Rescale(y, sb, common, out var o4);
                    r = DecimalMath.Rescale(xr % yr, common, s, out overflow);
                    overflow |= o3 | o4;
                    break;
            }

            if (overflow || DecimalMath.ExceedsPrecision(r, result.Precision))
            {
                if (EvaluationScope.IsActive(active, i))
                {
                    throw scope.Fail(offset, $"decimal overflow: {new DecimalValue(x, sa)} {BinarySyntax.Symbol(op)} {new DecimalValue(y, sb)} does not fit {result} (round or CAST the operands to a smaller scale)");
                }

                nulls[i] = true;
                continue;
            }

            values[i] = r;
        }

        return new PrimitiveColumn<Int128>(result, values, NullMasks.Compact(nulls), rows == 1 && a.IsScalar && b.IsScalar);
    }
}
