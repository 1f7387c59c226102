using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Binding;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>Picks the state class for an aggregate and its argument type, rejecting combinations Spark rejects.</summary>
internal static class AggregateStates
{
    public static AggregateState Create(AggregateSpec spec, BoundExpression? argument)
    {
        if (argument is null)
        {
            return new CountState();
        }

        var type = argument.Type;
        ExpressionException Reject(string problem) => ExpressionException.At(spec.Text, spec.Origin, spec.Argument!.Offset, problem);
        if (type.IsNested)
        {
            throw Reject($"cannot aggregate {type} values in '{spec.Name}'");
        }

        switch (spec.Function)
        {
            case AggregateFunction.Count:
                return new CountState();
            case AggregateFunction.CountDistinct:
                return new CountDistinctState();
            case AggregateFunction.Sum:
            case AggregateFunction.Avg:
                var average = spec.Function == AggregateFunction.Avg;
                if (type is DecimalType d)
                {
                    return new DecimalSumState(spec, d, average);
                }

                if (!TypeCoercion.IsNumeric(type))
                {
                    throw Reject($"{(average ? "avg" : "sum")} needs a number but the argument is {type}; CAST it, e.g. {(average ? "avg" : "sum")}(CAST(x AS double))");
                }

                return new SumState(spec, type, average);
            default:
                var max = spec.Function == AggregateFunction.Max;
                return type.Kind switch
                {
                    TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Date => new MinMaxState<int>(type, max),
                    TypeKind.Long or TypeKind.Timestamp => new MinMaxState<long>(type, max),
                    TypeKind.Float => new MinMaxState<float>(type, max),
                    TypeKind.Double => new MinMaxState<double>(type, max),
                    TypeKind.Decimal => new MinMaxState<Int128>(type, max),
                    TypeKind.String or TypeKind.Binary => new MinMaxTextState(type, max),
                    _ => throw Reject($"{(max ? "max" : "min")} of {type} is not supported; CAST(x AS int) first"),
                };
        }
    }
}
