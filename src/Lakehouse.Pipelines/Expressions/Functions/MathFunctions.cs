using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Functions;

/// <summary>abs, round (HALF_UP), floor, ceil, greatest, least.</summary>
internal static class MathFunctions
{
    public static EvalColumn Abs(EvalColumn[] args, in KernelContext context)
    {
        var scope = context.Scope;
        var offset = context.Offset;
        var type = context.ResultType;
        return args[0] switch
        {
            PrimitiveColumn<int> c => FunctionSupport.Primitive(args, context, (int r, out int v) =>
            {
                var x = c.ValueAt(r);
                v = x == int.MinValue ? throw scope.Fail(offset, $"abs: {x} does not fit {type}") : Math.Abs(x);
                return true;
            }),
            PrimitiveColumn<long> c => FunctionSupport.Primitive(args, context, (int r, out long v) =>
            {
                var x = c.ValueAt(r);
                v = x == long.MinValue ? throw scope.Fail(offset, $"abs: {x} does not fit {type}") : Math.Abs(x);
                return true;
            }),
            PrimitiveColumn<float> c => FunctionSupport.Primitive(args, context, (int r, out float v) => { v = Math.Abs(c.ValueAt(r)); return true; }),
            PrimitiveColumn<double> c => FunctionSupport.Primitive(args, context, (int r, out double v) => { v = Math.Abs(c.ValueAt(r)); return true; }),
            PrimitiveColumn<Int128> c => FunctionSupport.Primitive(args, context, (int r, out Int128 v) => { v = Int128.Abs(c.ValueAt(r)); return true; }),
            _ => throw new InvalidOperationException($"abs over {args[0].Type}"),
        };
    }

    /// <summary>round(x, d) HALF_UP; <paramref name="digits"/> is the constant second argument.</summary>
    public static FunctionKernel Round(int digits) => (EvalColumn[] args, in KernelContext context) =>
    {
        var input = args[0];
        var type = context.ResultType;
        return input switch
        {
            PrimitiveColumn<double> c => FunctionSupport.Primitive([input], context, (int r, out double v) => { v = RoundDouble(c.ValueAt(r), digits); return true; }),
            PrimitiveColumn<float> c => FunctionSupport.Primitive([input], context, (int r, out float v) => { v = (float)RoundDouble(c.ValueAt(r), digits); return true; }),
            PrimitiveColumn<Int128> c => FunctionSupport.Primitive([input], context, (int r, out Int128 v) =>
            {
                var from = ((DecimalType)c.Type).Scale;
                var to = ((DecimalType)type).Scale;
                v = RoundDecimal(c.ValueAt(r), from, digits, to);
                return true;
            }),
            PrimitiveColumn<int> c => FunctionSupport.Primitive([input], context, (int r, out int v) => { v = (int)RoundIntegral(c.ValueAt(r), digits); return true; }),
            PrimitiveColumn<long> c => FunctionSupport.Primitive([input], context, (int r, out long v) => { v = RoundIntegral(c.ValueAt(r), digits); return true; }),
            _ => throw new InvalidOperationException($"round over {input.Type}"),
        };
    };

    private static double RoundDouble(double x, int digits)
    {
        if (!double.IsFinite(x))
        {
            return x;
        }

        // Through decimal text so 2.675 rounds as written (Spark rounds the BigDecimal of the double's string).
        var text = x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && digits is >= 0 and <= 28)
        {
            return (double)Math.Round(d, digits, MidpointRounding.AwayFromZero);
        }

        var scale = Math.Pow(10, digits);
        return Math.Round(x * scale, MidpointRounding.AwayFromZero) / scale;
    }

    private static Int128 RoundDecimal(Int128 unscaled, int fromScale, int digits, int toScale)
    {
        if (digits >= fromScale)
        {
            return DecimalMath.Rescale(unscaled, fromScale, toScale, out _);
        }

        // Round to `digits` fraction digits (negative: tens, hundreds), then express at the result scale.
        var rounded = DecimalMath.DivideRound(unscaled, DecimalMath.Pow10(fromScale - digits));
        return digits >= 0 ? DecimalMath.Rescale(rounded, digits, toScale, out _) : rounded * DecimalMath.Pow10(-digits);
    }

    private static long RoundIntegral(long x, int digits)
    {
        if (digits >= 0)
        {
            return x;
        }

        var factor = (long)Math.Pow(10, Math.Min(-digits, 18));
        return (long)DecimalMath.DivideRound(x, factor) * factor;
    }

    public static EvalColumn Floor(EvalColumn[] args, in KernelContext context) => FloorCeil(args, context, ceiling: false);

    public static EvalColumn Ceil(EvalColumn[] args, in KernelContext context) => FloorCeil(args, context, ceiling: true);

    private static EvalColumn FloorCeil(EvalColumn[] args, in KernelContext context, bool ceiling)
    {
        var scope = context.Scope;
        var offset = context.Offset;
        var name = context.Name;
        return args[0] switch
        {
            PrimitiveColumn<double> c => FunctionSupport.Primitive(args, context, (int r, out long v) =>
            {
                var x = ceiling ? Math.Ceiling(c.ValueAt(r)) : Math.Floor(c.ValueAt(r));
                if (double.IsNaN(x) || x < -9.2233720368547758e18 || x >= 9.2233720368547758e18)
                {
                    throw scope.Fail(offset, $"{name}: {c.ValueAt(r)} does not fit bigint");
                }

                v = (long)x;
                return true;
            }),
            PrimitiveColumn<Int128> c => FunctionSupport.Primitive(args, context, (int r, out Int128 v) =>
            {
                var scale = ((DecimalType)c.Type).Scale;
                var divisor = DecimalMath.Pow10(scale);
                var x = c.ValueAt(r);
                var (q, rem) = Int128.DivRem(x, divisor);
                v = rem == 0 ? q : ceiling ? (x > 0 ? q + 1 : q) : (x < 0 ? q - 1 : q);
                return true;
            }),
            PrimitiveColumn<long> c => c,
            _ => throw new InvalidOperationException($"{context.Name} over {args[0].Type}"),
        };
    }

    public static EvalColumn Greatest(EvalColumn[] args, in KernelContext context) => Extreme(args, context, greatest: true);

    public static EvalColumn Least(EvalColumn[] args, in KernelContext context) => Extreme(args, context, greatest: false);

    /// <summary>Skips nulls; null only when every argument is null (Spark).</summary>
    private static EvalColumn Extreme(EvalColumn[] args, in KernelContext context, bool greatest)
    {
        var rows = context.RowsFor(args);
        var choice = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var best = -1;
            for (var a = 0; a < args.Length; a++)
            {
                if (args[a].IsNull(i))
                {
                    continue;
                }

                if (best < 0 || (Compare(args[a], args[best], i) is var order && (greatest ? order > 0 : order < 0)))
                {
                    best = a;
                }
            }

            choice[i] = best;
        }

        return BranchAssembler.Assemble(context.ResultType, args, choice);
    }

    private static int Compare(EvalColumn a, EvalColumn b, int row) => (a, b) switch
    {
        (PrimitiveColumn<int> x, PrimitiveColumn<int> y) => x.ValueAt(row).CompareTo(y.ValueAt(row)),
        (PrimitiveColumn<long> x, PrimitiveColumn<long> y) => x.ValueAt(row).CompareTo(y.ValueAt(row)),
        (PrimitiveColumn<float> x, PrimitiveColumn<float> y) => x.ValueAt(row).CompareTo(y.ValueAt(row)),
        (PrimitiveColumn<double> x, PrimitiveColumn<double> y) => x.ValueAt(row).CompareTo(y.ValueAt(row)),
        (PrimitiveColumn<Int128> x, PrimitiveColumn<Int128> y) => x.ValueAt(row).CompareTo(y.ValueAt(row)),
        (PrimitiveColumn<bool> x, PrimitiveColumn<bool> y) => x.ValueAt(row).CompareTo(y.ValueAt(row)),
        (BinaryColumn x, BinaryColumn y) => x.ValueAt(row).SequenceCompareTo(y.ValueAt(row)),
        _ => throw new InvalidOperationException($"Cannot compare {a.Type} with {b.Type}."),
    };
}
