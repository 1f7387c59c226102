using System.Globalization;
using System.Text;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Binding;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Tests.Expressions;

/// <summary>
/// A deliberately naive row-at-a-time interpreter over the bound tree, with boxed values and System.Decimal
/// arithmetic, written from the SQL rules rather than from the kernels. The property tests compare it with the
/// vectorized evaluator. Failures are reported as <see cref="ReferenceError"/>.
/// </summary>
internal static class ReferenceInterpreter
{
    internal sealed class ReferenceError : Exception
    {
        public ReferenceError(string message)
            : base(message)
        {
        }
    }

    public static object? Evaluate(BoundExpression node, RecordBatch batch, int row) => node switch
    {
        BoundLiteral l => l.Value,
        BoundColumn c => c.Resolve(batch).GetValue(row),
        BoundCast c => Cast(Evaluate(c.Operand, batch, row), c.Operand.Type, c.Type),
        BoundArithmetic a => Arithmetic(a, Evaluate(a.Left, batch, row), Evaluate(a.Right, batch, row)),
        BoundNegate n => Negate(n.Type, Evaluate(n.Operand, batch, row)),
        BoundComparison c => Compare(c.Operator, Evaluate(c.Left, batch, row), Evaluate(c.Right, batch, row)),
        BoundLogical l => Logical(l, batch, row),
        BoundNot n => Evaluate(n.Operand, batch, row) is bool b ? !b : null,
        BoundIsNull n => (Evaluate(n.Operand, batch, row) is null) ^ n.Negated,
        BoundInList i => In(i, batch, row),
        BoundLike l => Like(l, batch, row),
        BoundCase c => Case(c, batch, row),
        BoundCoalesce c => c.Arguments.Select(a => Evaluate(a, batch, row)).FirstOrDefault(v => v is not null),
        BoundCall c => Call(c, c.Arguments.Select(a => Evaluate(a, batch, row)).ToArray()),
        _ => throw new NotSupportedException($"Reference interpreter does not support {node.GetType().Name}."),
    };

    private static decimal Dec(object value) => value switch
    {
        DecimalValue d => decimal.Parse(d.ToString(), CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static DecimalValue ToDecimalValue(decimal value, DecimalType type)
    {
        var rounded = Math.Round(value, type.Scale, MidpointRounding.AwayFromZero);
        if (Math.Abs(rounded) >= (decimal)Math.Pow(10, type.Precision - type.Scale))
        {
            throw new ReferenceError($"decimal overflow {value} for {type}");
        }

        return DecimalValue.TryParse(rounded.ToString(CultureInfo.InvariantCulture), 38, type.Scale, out var result) ? result : throw new ReferenceError("parse");
    }

    private static object? Cast(object? value, DataType from, DataType to)
    {
        if (value is null)
        {
            return null;
        }

        return to switch
        {
            DecimalType d => ToDecimalValue(Dec(value), d),
            _ when to.Kind == TypeKind.Double => value is DecimalValue dv ? (double)Dec(dv) : Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ when to.Kind == TypeKind.Long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            _ when to.Kind == TypeKind.Integer => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            _ when to.Kind == TypeKind.String => value switch
            {
                bool b => b ? "true" : "false",
                DecimalValue d => d.ToString(),
                double x => x.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            },
            _ => throw new NotSupportedException($"cast {from} → {to}"),
        };
    }

    private static object? Arithmetic(BoundArithmetic node, object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        var op = node.Operator;
        switch (node.Type)
        {
            case DecimalType d:
                var x = Dec(a);
                var y = Dec(b);
                if (op is BinaryOperator.Divide or BinaryOperator.Modulo && y == 0)
                {
                    return null;
                }

                return ToDecimalValue(op switch
                {
                    BinaryOperator.Add => x + y,
                    BinaryOperator.Subtract => x - y,
                    BinaryOperator.Multiply => x * y,
                    BinaryOperator.Divide => x / y,
                    _ => x % y,
                }, d);
            case var t when t.Kind is TypeKind.Double:
                var p = Convert.ToDouble(a, CultureInfo.InvariantCulture);
                var q = Convert.ToDouble(b, CultureInfo.InvariantCulture);
                if (op is BinaryOperator.Divide or BinaryOperator.Modulo && q == 0)
                {
                    return null;
                }

                return op switch
                {
                    BinaryOperator.Add => p + q,
                    BinaryOperator.Subtract => p - q,
                    BinaryOperator.Multiply => p * q,
                    BinaryOperator.Divide => p / q,
                    _ => p % q,
                };
            default:
                var m = (System.Numerics.BigInteger)Convert.ToInt64(a, CultureInfo.InvariantCulture);
                var n = (System.Numerics.BigInteger)Convert.ToInt64(b, CultureInfo.InvariantCulture);
                if (op == BinaryOperator.Modulo && n == 0)
                {
                    return null;
                }

                var r = op switch
                {
                    BinaryOperator.Add => m + n,
                    BinaryOperator.Subtract => m - n,
                    BinaryOperator.Multiply => m * n,
                    _ => System.Numerics.BigInteger.Remainder(m, n),
                };
                var (min, max) = node.Type.Kind == TypeKind.Long ? ((System.Numerics.BigInteger)long.MinValue, (System.Numerics.BigInteger)long.MaxValue) : (int.MinValue, int.MaxValue);
                if (r < min || r > max)
                {
                    throw new ReferenceError("overflow");
                }

                return node.Type.Kind == TypeKind.Long ? (object)(long)r : (int)r;
        }
    }

    private static object? Negate(DataType type, object? value) => value switch
    {
        null => null,
        int i => i == int.MinValue ? throw new ReferenceError("overflow") : -i,
        long l => l == long.MinValue ? throw new ReferenceError("overflow") : -l,
        double d => -d,
        DecimalValue d => new DecimalValue(-d.Unscaled, d.Scale),
        _ => throw new NotSupportedException($"negate {type}"),
    };

    private static int Order(object a, object b) => (a, b) switch
    {
        (string x, string y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)),
        (bool x, bool y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (DecimalValue x, DecimalValue y) => x.CompareTo(y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (DateTime x, DateTime y) => x.CompareTo(y),
        _ => Convert.ToInt64(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(b, CultureInfo.InvariantCulture)),
    };

    private static object? Compare(BinaryOperator op, object? a, object? b)
    {
        if (op == BinaryOperator.NullSafeEqual)
        {
            return a is null || b is null ? a is null && b is null : Order(a, b) == 0;
        }

        if (a is null || b is null)
        {
            return null;
        }

        var order = Order(a, b);
        return op switch
        {
            BinaryOperator.Equal => order == 0,
            BinaryOperator.NotEqual => order != 0,
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private static object? Logical(BoundLogical node, RecordBatch batch, int row)
    {
        var left = (bool?)Evaluate(node.Left, batch, row);
        if (left == !node.IsAnd)
        {
            return left;
        }

        var right = (bool?)Evaluate(node.Right, batch, row);
        if (node.IsAnd)
        {
            return left == false || right == false ? false : left is null || right is null ? null : true;
        }

        return left == true || right == true ? true : left is null || right is null ? null : false;
    }

    private static object? In(BoundInList node, RecordBatch batch, int row)
    {
        var value = Evaluate(node.Value, batch, row);
        if (value is null)
        {
            return null;
        }

        var found = node.Items.Any(i => i.Value is not null && Order(value, i.Value) == 0);
        if (found)
        {
            return !node.Negated;
        }

        return node.Items.Any(i => i.Value is null) ? null : node.Negated;
    }

    private static object? Like(BoundLike node, RecordBatch batch, int row)
    {
        var value = (string?)Evaluate(node.Value, batch, row);
        var pattern = (string?)Evaluate(node.Pattern, batch, row);
        if (value is null || pattern is null)
        {
            return null;
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            regex.Append(c == node.Escape && i + 1 < pattern.Length ? System.Text.RegularExpressions.Regex.Escape(pattern[++i].ToString())
                : c == '%' ? ".*" : c == '_' ? "." : System.Text.RegularExpressions.Regex.Escape(c.ToString()));
        }

        return System.Text.RegularExpressions.Regex.IsMatch(value, regex + "$", System.Text.RegularExpressions.RegexOptions.Singleline) ^ node.Negated;
    }

    private static object? Case(BoundCase node, RecordBatch batch, int row)
    {
        foreach (var (when, then) in node.Branches)
        {
            if (Evaluate(when, batch, row) is true)
            {
                return Evaluate(then, batch, row);
            }
        }

        return node.Else is null ? null : Evaluate(node.Else, batch, row);
    }

    private static object? Call(BoundCall node, object?[] args)
    {
        if (node.Name != "concat_ws" && args.Any(a => a is null))
        {
            return null;
        }

        return node.Name switch
        {
            "upper" => ((string)args[0]!).ToUpperInvariant(),
            "lower" => ((string)args[0]!).ToLowerInvariant(),
            "length" => ((string)args[0]!).Length,
            "concat" => string.Concat(args.Cast<string>()),
            "abs" => args[0] switch { int i => Math.Abs(i), long l => Math.Abs(l), double d => Math.Abs(d), DecimalValue d => new DecimalValue(Int128.Abs(d.Unscaled), d.Scale), _ => throw new NotSupportedException() },
            "substring" => Substring((string)args[0]!, Convert.ToInt32(args[1], CultureInfo.InvariantCulture), Convert.ToInt32(args[2], CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"function {node.Name}"),
        };
    }

    private static string Substring(string s, int pos, int len)
    {
        var start = pos > 0 ? pos - 1 : pos < 0 ? s.Length + pos : 0;
        var end = len < 0 ? start : Math.Min(s.Length, start + len);
        start = Math.Max(0, start);
        return end <= start ? string.Empty : s[start..end];
    }
}
