using System.Globalization;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>
/// Type-checks a syntax tree against a schema and produces the bound (typed, coerced, constant-folded) tree.
/// Every problem is an <see cref="ExpressionException"/> pointing at the offending part of the text.
/// </summary>
internal sealed partial class Binder
{
    private readonly StructType _schema;
    private readonly string _text;
    private readonly ExpressionOrigin _origin;

    private Binder(StructType schema, string text, ExpressionOrigin origin)
    {
        _schema = schema;
        _text = text;
        _origin = origin;
    }

    /// <summary>Binds the whole tree. Constant subtrees that fail (CAST('x' AS int)) are left unfolded, because a CASE
    /// may never select them; the root is folded strictly, so a constant expression that always fails is reported now.</summary>
    public static BoundExpression Bind(SyntaxNode node, StructType schema, string text, ExpressionOrigin origin)
    {
        var binder = new Binder(schema, text, origin);
        return binder.Fold(binder.Bind(node), strict: true);
    }

    private ExpressionException Error(int offset, string problem) => ExpressionException.At(_text, _origin, offset, problem);

    private BoundExpression Bind(SyntaxNode node)
    {
        var bound = node switch
        {
            LiteralSyntax l => BindLiteral(l),
            ColumnSyntax c => BindColumn(c),
            UnarySyntax u => BindUnary(u),
            BinarySyntax b => BindBinary(b),
            IsNullSyntax n => new BoundIsNull(Bind(n.Operand), n.Negated, n.Offset),
            InSyntax i => BindIn(i),
            BetweenSyntax b => BindBetween(b),
            LikeSyntax l => BindLike(l),
            CaseSyntax c => BindCase(c),
            CastSyntax c => BindCast(c),
            CallSyntax c => BindCall(c),
            _ => throw Error(node.Offset, $"unsupported expression {node}"),
        };
        return Fold(bound);
    }

    /// <summary>Evaluates constant subtrees once at bind time (so errors in constants surface before any data is read).</summary>
    private BoundExpression Fold(BoundExpression node, bool strict = false)
    {
        if (node is BoundLiteral || !node.IsFoldable || node.Type.IsNested)
        {
            return node;
        }

        var scope = new EvaluationScope(null, 1, null, _text, _origin);
        try
        {
            var value = node.Evaluate(scope, null);
            return new BoundLiteral(node.Type, value.GetValue(0), node.Offset);
        }
        catch (ExpressionException) when (!strict)
        {
            return node;
        }
    }

    /// <summary>Converts <paramref name="node"/> to <paramref name="target"/> (an implicit, never-failing widening, or a typed NULL).</summary>
    private BoundExpression Coerce(BoundExpression node, DataType target)
    {
        if (Equals(node.Type, target))
        {
            return node;
        }

        if (node is BoundLiteral { Value: null })
        {
            return new BoundLiteral(target, null, node.Offset);
        }

        return Fold(new BoundCast(node, target, false, node.Offset));
    }

    private static bool IsUntypedNull(BoundExpression node) => node is BoundLiteral { IsUntypedNull: true };

    private BoundExpression RequireBoolean(BoundExpression node, string role)
    {
        if (IsUntypedNull(node))
        {
            return new BoundLiteral(DataType.Boolean, null, node.Offset);
        }

        if (node.Type.Kind != TypeKind.Boolean)
        {
            throw Error(node.Offset, $"{role} must be boolean but is {node.Type}");
        }

        return node;
    }

    private BoundColumn BindColumn(ColumnSyntax column)
    {
        var first = _schema.IndexOf(column.Path[0]);
        if (first < 0 && column.Path.Count > 1 && _schema.IndexOf(column.Name) is var whole and >= 0)
        {
            return new BoundColumn(_schema.Fields[whole].Name, [whole], _schema.Fields[whole].Type, column.Offset);
        }

        if (first < 0)
        {
            throw Error(column.Offset, $"unknown column '{column.Path[0]}'; {NameSuggestions.Describe(column.Path[0], _schema.Fields.Select(f => f.Name))}");
        }

        var ordinals = new List<int> { first };
        var field = _schema.Fields[first];
        var name = field.Name;
        for (var i = 1; i < column.Path.Count; i++)
        {
            if (field.Type is not StructType inner)
            {
                throw Error(column.Offset, $"'{name}' is {field.Type}, not a struct, so it has no field '{column.Path[i]}'");
            }

            var index = inner.IndexOf(column.Path[i]);
            if (index < 0)
            {
                throw Error(column.Offset, $"struct '{name}' has no field '{column.Path[i]}'; {NameSuggestions.Describe(column.Path[i], inner.Fields.Select(f => f.Name))}");
            }

            ordinals.Add(index);
            field = inner.Fields[index];
            name += "." + field.Name;
        }

        return new BoundColumn(name, ordinals, field.Type, column.Offset);
    }

    private BoundLiteral BindLiteral(LiteralSyntax literal)
    {
        var text = literal.Text;
        switch (literal.Kind)
        {
            case LiteralKind.Null:
                return new BoundLiteral(DataType.String, null, literal.Offset, isUntypedNull: true);
            case LiteralKind.Boolean:
                return new BoundLiteral(DataType.Boolean, text.Equals("TRUE", StringComparison.OrdinalIgnoreCase), literal.Offset);
            case LiteralKind.String:
                return new BoundLiteral(DataType.String, text, literal.Offset);
            case LiteralKind.Date:
                return TemporalText.TryParseDate(System.Text.Encoding.UTF8.GetBytes(text), out var days)
                    ? new BoundLiteral(DataType.Date, TemporalText.ToDate(days), literal.Offset)
                    : throw Error(literal.Offset, $"invalid DATE literal '{text}'; write DATE 'yyyy-MM-dd'");
            case LiteralKind.Timestamp:
                return TemporalText.TryParseTimestamp(System.Text.Encoding.UTF8.GetBytes(text), out var micros)
                    ? new BoundLiteral(DataType.Timestamp, TemporalText.ToDateTime(micros), literal.Offset)
                    : throw Error(literal.Offset, $"invalid TIMESTAMP literal '{text}'; write TIMESTAMP 'yyyy-MM-dd HH:mm:ss[.ffffff]'");
            case LiteralKind.Integer:
                return BindInteger(literal);
            case LiteralKind.Decimal:
                return BindDecimal(literal, text.EndsWith("BD", StringComparison.OrdinalIgnoreCase) ? text[..^2] : text);
            default:
                var upper = text.ToUpperInvariant();
                var isFloat = upper.EndsWith('F');
                var digits = upper.EndsWith('D') || isFloat ? text[..^1] : text;
                if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                {
                    throw Error(literal.Offset, $"number {text} is out of range for double");
                }

                return isFloat ? new BoundLiteral(DataType.Float, (float)d, literal.Offset) : new BoundLiteral(DataType.Double, d, literal.Offset);
        }
    }

    private BoundLiteral BindInteger(LiteralSyntax literal)
    {
        var text = literal.Text;
        var suffix = char.ToUpperInvariant(text[^1]);
        var digits = char.IsAsciiDigit(text[^1]) ? text : text[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return BindDecimal(literal, digits);
        }

        return suffix switch
        {
            'L' => new BoundLiteral(DataType.Long, value, literal.Offset),
            'S' when value <= short.MaxValue => new BoundLiteral(DataType.Short, (short)value, literal.Offset),
            'Y' when value <= sbyte.MaxValue => new BoundLiteral(DataType.Byte, (sbyte)value, literal.Offset),
            'S' or 'Y' => throw Error(literal.Offset, $"{text} is out of range for {(suffix == 'S' ? "smallint" : "tinyint")}"),
            _ when value <= int.MaxValue => new BoundLiteral(DataType.Integer, (int)value, literal.Offset),
            _ => new BoundLiteral(DataType.Long, value, literal.Offset),
        };
    }

    private BoundLiteral BindDecimal(LiteralSyntax literal, string digits)
    {
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var scale = dot < 0 ? 0 : digits.Length - dot - 1;
        var significant = digits.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').Length;
        var precision = Math.Max(Math.Max(significant, scale), 1);
        if (precision > DecimalType.MaxPrecision || !DecimalValue.TryParse(digits, precision, scale, out var value))
        {
            throw Error(literal.Offset, $"number {literal.Text} has more than 38 digits; write it as a double (1.5e3) instead");
        }

        return new BoundLiteral(new DecimalType(precision, scale), value, literal.Offset);
    }

    private BoundExpression BindCast(CastSyntax cast)
    {
        var operand = Bind(cast.Operand);
        if (!TypeNames.TryParse(cast.TypeName, out var target))
        {
            throw Error(cast.TypeOffset, $"unknown type '{cast.TypeName}'; expected boolean, tinyint, smallint, int, bigint, float, double, string, binary, date, timestamp or decimal(p,s)");
        }

        if (IsUntypedNull(operand))
        {
            return new BoundLiteral(target, null, cast.Offset);
        }

        if (!TypeCoercion.CanCast(operand.Type, target))
        {
            throw Error(cast.Offset, $"cannot cast {operand.Type} to {target}");
        }

        return Equals(operand.Type, target) ? operand : new BoundCast(operand, target, cast.IsTry, cast.Offset);
    }
}
