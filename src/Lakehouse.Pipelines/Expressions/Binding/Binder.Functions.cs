using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;
using Lakehouse.Pipelines.Expressions.Functions;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Expressions.Binding;

internal sealed partial class Binder
{
    /// <summary>Every scalar function name (for "did you mean" and docs).</summary>
    internal static readonly string[] FunctionNames =
    [
        "coalesce", "nullif", "if", "iff", "lower", "upper", "trim", "ltrim", "rtrim", "length", "char_length", "substring", "substr",
        "concat", "concat_ws", "replace", "regexp_like", "rlike", "abs", "round", "floor", "ceil", "ceiling", "greatest", "least",
        "current_date", "current_timestamp", "now", "to_date", "to_timestamp", "date_trunc", "date_add", "date_sub", "datediff",
        "year", "month", "day", "dayofmonth", "hour", "minute", "second", "dayofweek", "date_format",
    ];

    internal static readonly string[] AggregateNames = ["count", "count_distinct", "sum", "min", "max", "avg", "mean"];

    private BoundExpression BindCall(CallSyntax call)
    {
        var name = call.Name.ToLowerInvariant();
        if (AggregateNames.Contains(name))
        {
            throw Error(call.Offset, $"aggregate function {name}() is only allowed in gold aggregations (aggregates:), not in a row expression");
        }

        if (call.IsStar || call.Distinct)
        {
            throw Error(call.Offset, $"{name}({(call.IsStar ? "*" : "DISTINCT ...")}) is only valid for count");
        }

        return BindFunction(name, call.Arguments.Select(Bind).ToList(), call.Offset);
    }

    private BoundExpression BindFunction(string name, List<BoundExpression> args, int offset)
    {
        switch (name)
        {
            case "coalesce":
                Arity(name, args, 1, int.MaxValue, offset);
                if (args.All(IsUntypedNull))
                {
                    return UntypedNull(offset);
                }

                var type = UnifyTypes(args, "coalesce arguments");
                return new BoundCoalesce(args.Select(a => Coerce(a, type)).ToList(), type, offset);
            case "nullif":
                Arity(name, args, 2, 2, offset);
                var equal = BindComparison(BinaryOperator.Equal, args[0], args[1], offset);
                var valueType = IsUntypedNull(args[0]) ? equal.Left.Type : args[0].Type;
                return new BoundCase([(equal, new BoundLiteral(valueType, null, offset))], Coerce(args[0], valueType), valueType, offset);
            case "if" or "iff":
                Arity(name, args, 3, 3, offset);
                if (IsUntypedNull(args[1]) && IsUntypedNull(args[2]))
                {
                    return UntypedNull(offset);
                }

                var resultType = UnifyTypes(args.Skip(1).ToList(), $"{name} results");
                return new BoundCase([(RequireBoolean(args[0], $"the condition of {name}"), Coerce(args[1], resultType))], Coerce(args[2], resultType), resultType, offset);
            case "lower": return Call(name, [Text(name, args, 0, 1, offset)], DataType.String, StringFunctions.Lower, offset);
            case "upper": return Call(name, [Text(name, args, 0, 1, offset)], DataType.String, StringFunctions.Upper, offset);
            case "trim": return Call(name, [Text(name, args, 0, 1, offset)], DataType.String, StringFunctions.Trim, offset);
            case "ltrim": return Call(name, [Text(name, args, 0, 1, offset)], DataType.String, StringFunctions.LeftTrim, offset);
            case "rtrim": return Call(name, [Text(name, args, 0, 1, offset)], DataType.String, StringFunctions.RightTrim, offset);
            case "length" or "char_length":
                Arity(name, args, 1, 1, offset);
                var lengthArg = args[0].Type.Kind == TypeKind.Binary ? args[0] : Text(name, args, 0, 1, offset);
                return Call(name, [lengthArg], DataType.Integer, StringFunctions.Length, offset);
            case "substring" or "substr":
                Arity(name, args, 2, 3, offset);
                return Call(name, [Text(name, args, 0, -1, offset), .. args.Skip(1).Select((a, i) => Integer(name, a, i + 2))], DataType.String, StringFunctions.Substring, offset);
            case "concat":
                Arity(name, args, 1, int.MaxValue, offset);
                return Call(name, args.Select(a => AsText(name, a)).ToList(), DataType.String, StringFunctions.Concat, offset);
            case "concat_ws":
                Arity(name, args, 1, int.MaxValue, offset);
                return Call(name, args.Select(a => AsText(name, a)).ToList(), DataType.String, StringFunctions.ConcatWithSeparator, offset);
            case "replace":
                Arity(name, args, 2, 3, offset);
                return Call(name, args.Select((a, i) => Text(name, args, i, -1, offset)).ToList(), DataType.String, StringFunctions.Replace, offset);
            case "regexp_like" or "rlike":
                Arity(name, args, 2, 2, offset);
                var regexArgs = new List<BoundExpression> { Text(name, args, 0, -1, offset), Text(name, args, 1, -1, offset) };
                System.Text.RegularExpressions.Regex? regex = null;
                if (regexArgs[1] is BoundLiteral { Value: string pattern })
                {
                    try
                    {
                        regex = RegexFunctions.Compile(pattern);
                    }
                    catch (ArgumentException e)
                    {
                        throw Error(args[1].Offset, $"invalid regular expression '{pattern}': {e.Message}");
                    }
                }

                return Call(name, regexArgs, DataType.Boolean, RegexFunctions.Like(regex), offset);
            default:
                return BindMathOrDateFunction(name, args, offset);
        }
    }

    private BoundExpression BindMathOrDateFunction(string name, List<BoundExpression> args, int offset)
    {
        switch (name)
        {
            case "abs":
                Arity(name, args, 1, 1, offset);
                var absArg = Numeric(name, args[0], 1);
                return Call(name, [absArg], absArg.Type, MathFunctions.Abs, offset);
            case "round":
                Arity(name, args, 1, 2, offset);
                var roundArg = Numeric(name, args[0], 1);
                var digits = args.Count > 1 ? ConstantInt(name, args[1], 2) : 0;
                var roundType = roundArg.Type is DecimalType d
                    ? digits >= 0 ? new DecimalType(Math.Min(DecimalType.MaxPrecision, d.Precision - d.Scale + 1 + Math.Min(digits, d.Scale)), Math.Min(digits, d.Scale))
                        : new DecimalType(Math.Min(DecimalType.MaxPrecision, d.Precision - d.Scale + 1), 0)
                    : roundArg.Type;
                return Call(name, [roundArg], roundType, MathFunctions.Round(digits), offset);
            case "floor" or "ceil" or "ceiling":
                Arity(name, args, 1, 1, offset);
                var arg = Numeric(name, args[0], 1);
                var kernel = name == "floor" ? (FunctionKernel)MathFunctions.Floor : MathFunctions.Ceil;
                return arg.Type switch
                {
                    DecimalType dt => Call(name, [arg], new DecimalType(Math.Min(DecimalType.MaxPrecision, dt.Precision - dt.Scale + 1), 0), kernel, offset),
                    _ when TypeCoercion.IsIntegral(arg.Type) => Call(name, [Coerce(arg, DataType.Long)], DataType.Long, kernel, offset),
                    _ => Call(name, [Coerce(arg, DataType.Double)], DataType.Long, kernel, offset),
                };
            case "greatest" or "least":
                Arity(name, args, 2, int.MaxValue, offset);
                if (args.All(IsUntypedNull))
                {
                    return UntypedNull(offset);
                }

                var common = UnifyTypes(args, $"{name} arguments");
                if (common.IsNested)
                {
                    throw Error(offset, $"{name} cannot compare {common} values");
                }

                return Call(name, args.Select(a => Coerce(a, common)).ToList(), common, name == "greatest" ? MathFunctions.Greatest : MathFunctions.Least, offset);
            default:
                return BindDateFunction(name, args, offset);
        }
    }

    private BoundExpression BindDateFunction(string name, List<BoundExpression> args, int offset)
    {
        switch (name)
        {
            case "current_date":
                Arity(name, args, 0, 0, offset);
                return new BoundCall(name, args, DataType.Date, DateFunctions.CurrentDate, offset, runDependent: true);
            case "current_timestamp" or "now":
                Arity(name, args, 0, 0, offset);
                return new BoundCall(name, args, DataType.Timestamp, DateFunctions.CurrentTimestamp, offset, runDependent: true);
            case "to_date" or "to_timestamp":
                Arity(name, args, 1, 2, offset);
                var isDate = name == "to_date";
                if (args.Count == 1 && TypeCoercion.IsTemporal(args[0].Type))
                {
                    return Coerce(args[0], isDate ? DataType.Date : DataType.Timestamp);
                }

                var pattern = args.Count > 1 ? Pattern(name, args[1]) : null;
                return Call(name, [Text(name, args, 0, -1, offset)], isDate ? DataType.Date : DataType.Timestamp,
                    isDate ? DateFunctions.ToDate(pattern) : DateFunctions.ToTimestamp(pattern), offset);
            case "date_trunc":
                Arity(name, args, 2, 2, offset);
                var unit = args[0] is BoundLiteral { Value: string u } ? u.ToLowerInvariant() : throw Error(args[0].Offset, "date_trunc needs a constant unit such as 'month'");
                if (!DateFunctions.TruncUnits.Contains(unit))
                {
                    throw Error(args[0].Offset, $"unknown date_trunc unit '{unit}'; use one of {string.Join(", ", DateFunctions.TruncUnits)}");
                }

                return Call(name, [Temporal(name, args[1], 2, DataType.Timestamp)], DataType.Timestamp, DateFunctions.DateTrunc(unit), offset);
            case "date_add" or "date_sub":
                Arity(name, args, 2, 2, offset);
                return Call(name, [Temporal(name, args[0], 1, DataType.Date), Integer(name, args[1], 2)], DataType.Date, DateFunctions.DateAdd(name == "date_add" ? 1 : -1), offset);
            case "datediff":
                Arity(name, args, 2, 2, offset);
                return Call(name, [Temporal(name, args[0], 1, DataType.Date), Temporal(name, args[1], 2, DataType.Date)], DataType.Integer, DateFunctions.DateDiff, offset);
            case "year" or "month" or "day" or "dayofmonth" or "dayofweek":
                Arity(name, args, 1, 1, offset);
                var part = name == "dayofmonth" ? "day" : name;
                return Call(name, [Temporal(name, args[0], 1, DataType.Date)], DataType.Integer, DateFunctions.DatePart(part), offset);
            case "hour" or "minute" or "second":
                Arity(name, args, 1, 1, offset);
                var (unitMicros, modulo) = name switch { "hour" => (3_600_000_000L, 24L), "minute" => (60_000_000L, 60L), _ => (1_000_000L, 60L) };
                return Call(name, [Temporal(name, args[0], 1, DataType.Timestamp)], DataType.Integer, DateFunctions.TimePart(unitMicros, modulo), offset);
            case "date_format":
                Arity(name, args, 2, 2, offset);
                return Call(name, [Temporal(name, args[0], 1, DataType.Timestamp)], DataType.String, DateFunctions.DateFormat(Pattern(name, args[1])!), offset);
            default:
                throw Error(offset, $"unknown function '{name}'; {NameSuggestions.Describe(name, FunctionNames)}");
        }
    }

    private static BoundCall Call(string name, List<BoundExpression> args, DataType type, FunctionKernel kernel, int offset) =>
        new BoundCall(name, args, type, kernel, offset);

    private void Arity(string name, List<BoundExpression> args, int min, int max, int offset)
    {
        if (args.Count < min || args.Count > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw Error(offset, $"function {name} takes {expected} argument{(max == 1 && min == 1 ? string.Empty : "s")} but got {args.Count}");
        }
    }

    /// <summary>Argument <paramref name="index"/> as a string; <paramref name="exact"/> &gt; 0 also checks the argument count.</summary>
    private BoundExpression Text(string name, List<BoundExpression> args, int index, int exact, int offset)
    {
        if (exact > 0)
        {
            Arity(name, args, exact, exact, offset);
        }

        var arg = args[index];
        if (IsUntypedNull(arg))
        {
            return Coerce(arg, DataType.String);
        }

        return arg.Type.Kind == TypeKind.String ? arg
            : throw Error(arg.Offset, $"argument {index + 1} of {name} must be a string but is {arg.Type}; CAST(... AS string) first");
    }

    /// <summary>concat and concat_ws accept any primitive and render it as CAST(... AS string) would.</summary>
    private BoundExpression AsText(string name, BoundExpression arg)
    {
        if (IsUntypedNull(arg) || arg.Type.Kind == TypeKind.String)
        {
            return Coerce(arg, DataType.String);
        }

        if (arg.Type.IsNested)
        {
            throw Error(arg.Offset, $"{name} cannot concatenate {arg.Type} values");
        }

        return Fold(new BoundCast(arg, DataType.String, false, arg.Offset));
    }

    private BoundExpression Integer(string name, BoundExpression arg, int position)
    {
        if (IsUntypedNull(arg))
        {
            return Coerce(arg, DataType.Integer);
        }

        if (!TypeCoercion.IsIntegral(arg.Type))
        {
            throw Error(arg.Offset, $"argument {position} of {name} must be an integer but is {arg.Type}");
        }

        return arg.Type.Kind == TypeKind.Long ? arg : Coerce(arg, DataType.Integer);
    }

    private BoundExpression Numeric(string name, BoundExpression arg, int position)
    {
        if (IsUntypedNull(arg))
        {
            return Coerce(arg, DataType.Double);
        }

        if (!TypeCoercion.IsNumeric(arg.Type))
        {
            throw Error(arg.Offset, $"argument {position} of {name} must be a number but is {arg.Type}");
        }

        return arg.Type.Kind is TypeKind.Byte or TypeKind.Short ? Coerce(arg, DataType.Integer) : arg;
    }

    private int ConstantInt(string name, BoundExpression arg, int position) =>
        arg is BoundLiteral { Value: int or short or sbyte or long } literal
            ? Convert.ToInt32(literal.Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw Error(arg.Offset, $"argument {position} of {name} must be a constant integer");

    /// <summary>A date or timestamp argument (strings are parsed as try_cast would: NULL when malformed).</summary>
    private BoundExpression Temporal(string name, BoundExpression arg, int position, DataType target)
    {
        if (IsUntypedNull(arg))
        {
            return Coerce(arg, target);
        }

        if (TypeCoercion.IsTemporal(arg.Type))
        {
            return Equals(arg.Type, target) ? arg : Fold(new BoundCast(arg, target, false, arg.Offset));
        }

        if (arg.Type.Kind == TypeKind.String)
        {
            return Fold(new BoundCast(arg, target, true, arg.Offset));
        }

        throw Error(arg.Offset, $"argument {position} of {name} must be a date or timestamp but is {arg.Type}");
    }

    private DateTimePattern? Pattern(string name, BoundExpression arg)
    {
        if (arg is not BoundLiteral { Value: string text })
        {
            throw Error(arg.Offset, $"the format of {name} must be a constant string such as 'yyyy-MM-dd'");
        }

        try
        {
            return DateTimePattern.Compile(text);
        }
        catch (FormatException e)
        {
            throw Error(arg.Offset, e.Message);
        }
    }
}
