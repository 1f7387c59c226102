using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Expressions.Binding;

internal sealed partial class Binder
{
    private BoundExpression BindUnary(UnarySyntax unary)
    {
        var operand = Bind(unary.Operand);
        switch (unary.Operator)
        {
            case UnaryOperator.Not:
                return new BoundNot(RequireBoolean(operand, "the operand of NOT"), unary.Offset);
            default:
                if (IsUntypedNull(operand))
                {
                    return new BoundLiteral(DataType.Integer, null, unary.Offset);
                }

                if (!TypeCoercion.IsNumeric(operand.Type))
                {
                    throw Error(unary.Offset, $"unary {(unary.Operator == UnaryOperator.Negate ? "-" : "+")} needs a number but the operand is {operand.Type}");
                }

                return unary.Operator == UnaryOperator.Plus ? operand : new BoundNegate(operand, unary.Offset);
        }
    }

    private BoundExpression BindBinary(BinarySyntax binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.And:
            case BinaryOperator.Or:
                var name = binary.Operator == BinaryOperator.And ? "AND" : "OR";
                return new BoundLogical(
                    binary.Operator == BinaryOperator.And,
                    RequireBoolean(left, $"the left operand of {name}"),
                    RequireBoolean(right, $"the right operand of {name}"),
                    binary.OperatorOffset);
            case BinaryOperator.Concat:
                return BindFunction("concat", [left, right], binary.OperatorOffset);
            case BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo:
                return BindArithmetic(binary.Operator, left, right, binary.OperatorOffset);
            default:
                return BindComparison(binary.Operator, left, right, binary.OperatorOffset);
        }
    }

    private BoundComparison BindComparison(BinaryOperator op, BoundExpression left, BoundExpression right, int offset)
    {
        var (l, r) = Unify(left, right, offset, $"compare with {BinarySyntax.Symbol(op)}", comparison: true);
        return new BoundComparison(op, l, r, offset);
    }

    /// <summary>Casts both sides to their comparison (or common) type; errors say how to fix the mismatch.</summary>
    private (BoundExpression Left, BoundExpression Right) Unify(BoundExpression left, BoundExpression right, int offset, string what, bool comparison)
    {
        if (IsUntypedNull(left) && IsUntypedNull(right))
        {
            return (left, right);
        }

        if (IsUntypedNull(left))
        {
            return (Coerce(left, right.Type), right);
        }

        if (IsUntypedNull(right))
        {
            return (left, Coerce(right, left.Type));
        }

        var type = comparison ? TypeCoercion.ComparisonType(left.Type, right.Type) : TypeCoercion.CommonType(left.Type, right.Type);
        if (type is null)
        {
            var hint = (TypeCoercion.IsText(left.Type) && TypeCoercion.IsNumeric(right.Type)) || (TypeCoercion.IsText(right.Type) && TypeCoercion.IsNumeric(left.Type))
                ? $"strings and numbers do not mix implicitly: CAST the string side, e.g. CAST(x AS {(TypeCoercion.IsNumeric(left.Type) ? left.Type : right.Type)})"
                : "CAST one side to the other's type";
            throw Error(offset, $"cannot {what} {left.Type} and {right.Type}; {hint}");
        }

        return (Coerce(left, type), Coerce(right, type));
    }

    private BoundExpression BindArithmetic(BinaryOperator op, BoundExpression left, BoundExpression right, int offset)
    {
        var symbol = BinarySyntax.Symbol(op);
        if (IsUntypedNull(left))
        {
            left = Coerce(left, IsUntypedNull(right) ? DataType.Integer : right.Type);
        }

        if (IsUntypedNull(right))
        {
            right = Coerce(right, left.Type);
        }

        // date ± n days, as Spark's date_add/date_sub.
        if (left.Type.Kind == TypeKind.Date && TypeCoercion.IsIntegral(right.Type) && op is BinaryOperator.Add or BinaryOperator.Subtract)
        {
            return BindFunction(op == BinaryOperator.Add ? "date_add" : "date_sub", [left, right], offset);
        }

        if (!TypeCoercion.IsNumeric(left.Type) || !TypeCoercion.IsNumeric(right.Type))
        {
            var stringSide = TypeCoercion.IsText(left.Type) || TypeCoercion.IsText(right.Type);
            throw Error(offset, $"cannot apply {symbol} to {left.Type} and {right.Type}; "
                + (stringSide ? "strings do not convert to numbers implicitly: CAST(x AS double) or CAST(x AS decimal(p,s)) first"
                    : left.Type.Kind is TypeKind.Date or TypeKind.Timestamp ? "use datediff(end, start) or date_add(date, days)" : "both operands must be numbers"));
        }

        if (left.Type.Kind == TypeKind.Decimal || right.Type.Kind == TypeKind.Decimal)
        {
            var wider = TypeCoercion.WiderNumeric(left.Type, right.Type)!;
            if (wider is DecimalType)
            {
                var a = TypeCoercion.AsDecimal(left.Type)!;
                var b = TypeCoercion.AsDecimal(right.Type)!;
                return new BoundArithmetic(op, Coerce(left, a), Coerce(right, b), DecimalResult(op, a, b), offset);
            }
        }

        var type = op == BinaryOperator.Divide ? DataType.Double : TypeCoercion.WiderNumeric(left.Type, right.Type)!;
        if (type.Kind is TypeKind.Byte or TypeKind.Short)
        {
            type = DataType.Integer;
        }

        return new BoundArithmetic(op, Coerce(left, type), Coerce(right, type), type, offset);
    }

    /// <summary>Spark's decimal result types (DecimalPrecision with allowPrecisionLoss).</summary>
    internal static DecimalType DecimalResult(BinaryOperator op, DecimalType a, DecimalType b)
    {
        int p1 = a.Precision, s1 = a.Scale, p2 = b.Precision, s2 = b.Scale;
        return op switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract =>
                TypeCoercion.Bounded(Math.Max(p1 - s1, p2 - s2) + Math.Max(s1, s2) + 1, Math.Max(s1, s2)),
            BinaryOperator.Multiply => TypeCoercion.Bounded(p1 + p2 + 1, s1 + s2),
            BinaryOperator.Divide => TypeCoercion.Bounded(p1 - s1 + s2 + Math.Max(6, s1 + p2 + 1), Math.Max(6, s1 + p2 + 1)),
            _ => TypeCoercion.Bounded(Math.Min(p1 - s1, p2 - s2) + Math.Max(s1, s2), Math.Max(s1, s2)),
        };
    }

    private BoundExpression BindIn(InSyntax node)
    {
        var value = Bind(node.Value);
        var items = node.Items.Select(Bind).ToList();
        var type = value.Type;
        var typed = !IsUntypedNull(value);
        foreach (var item in items.Where(i => !IsUntypedNull(i)))
        {
            if (!typed)
            {
                type = item.Type;
                typed = true;
                continue;
            }

            type = TypeCoercion.ComparisonType(type, item.Type)
                ?? throw Error(item.Offset, $"IN list item of type {item.Type} cannot be compared with {type}; CAST it to {value.Type}");
        }

        if (type.IsNested)
        {
            throw Error(node.Offset, $"IN cannot compare {type} values");
        }

        value = Coerce(value, type);
        items = items.Select(i => Coerce(i, type)).ToList();
        if (items.All(i => i is BoundLiteral))
        {
            return new BoundInList(value, items.Cast<BoundLiteral>().ToList(), node.Negated, node.Offset);
        }

        BoundExpression any = new BoundComparison(BinaryOperator.Equal, value, items[0], node.Offset);
        foreach (var item in items.Skip(1))
        {
            any = new BoundLogical(false, any, new BoundComparison(BinaryOperator.Equal, value, item, node.Offset), node.Offset);
        }

        return node.Negated ? new BoundNot(any, node.Offset) : any;
    }

    private BoundExpression BindBetween(BetweenSyntax node)
    {
        var value = Bind(node.Value);
        var low = BindComparison(BinaryOperator.GreaterOrEqual, value, Bind(node.Low), node.Low.Offset);
        var high = BindComparison(BinaryOperator.LessOrEqual, value, Bind(node.High), node.High.Offset);
        BoundExpression both = new BoundLogical(true, low, high, node.Offset);
        return node.Negated ? new BoundNot(both, node.Offset) : both;
    }

    private BoundLike BindLike(LikeSyntax node)
    {
        var value = RequireString(Bind(node.Value), "the value of LIKE");
        var pattern = RequireString(Bind(node.Pattern), "the LIKE pattern");
        var escape = '\\';
        if (node.Escape is not null)
        {
            if (Bind(node.Escape) is not BoundLiteral { Value: string e } || e.Length != 1)
            {
                throw Error(node.Escape.Offset, "ESCAPE must be a one-character string literal");
            }

            escape = e[0];
        }

        if (pattern is BoundLiteral { Value: string text })
        {
            try
            {
                Evaluation.LikePattern.Compile(text, escape);
            }
            catch (FormatException e)
            {
                throw Error(node.Pattern.Offset, e.Message);
            }
        }

        return new BoundLike(value, pattern, escape, node.Negated, node.Offset);
    }

    private BoundExpression RequireString(BoundExpression node, string role)
    {
        if (IsUntypedNull(node))
        {
            return Coerce(node, DataType.String);
        }

        return node.Type.Kind == TypeKind.String ? node : throw Error(node.Offset, $"{role} must be a string but is {node.Type}; CAST(... AS string) first");
    }

    private BoundExpression BindCase(CaseSyntax node)
    {
        var operand = node.Operand is null ? null : Bind(node.Operand);
        var conditions = new List<BoundExpression>();
        foreach (var branch in node.Branches)
        {
            var when = Bind(branch.When);
            conditions.Add(operand is null
                ? RequireBoolean(when, "a CASE WHEN condition")
                : BindComparison(BinaryOperator.Equal, operand, when, branch.When.Offset));
        }

        var results = node.Branches.Select(b => Bind(b.Then)).ToList();
        var otherwise = node.Else is null ? null : Bind(node.Else);
        var all = otherwise is null ? results : [.. results, otherwise];
        if (all.All(IsUntypedNull))
        {
            return UntypedNull(node.Offset);
        }

        var type = UnifyTypes(all, "CASE results");
        var branches = conditions.Zip(results, (c, r) => (c, Coerce(r, type))).ToList();
        return new BoundCase(branches, otherwise is null ? null : Coerce(otherwise, type), type, node.Offset);
    }

    /// <summary>The common type of several values (CASE results, coalesce, greatest); untyped NULLs adopt it.</summary>
    private DataType UnifyTypes(IReadOnlyList<BoundExpression> values, string what)
    {
        DataType? type = null;
        foreach (var value in values.Where(v => !IsUntypedNull(v)))
        {
            type = type is null ? value.Type : TypeCoercion.CommonType(type, value.Type)
                ?? throw Error(value.Offset, $"{what} have incompatible types {type} and {value.Type}; CAST them to one type");
        }

        return type ?? DataType.String;
    }

    /// <summary>A NULL whose type the context decides (CASE or coalesce whose every result is NULL).</summary>
    private static BoundLiteral UntypedNull(int offset) => new(DataType.String, null, offset, isUntypedNull: true);
}
