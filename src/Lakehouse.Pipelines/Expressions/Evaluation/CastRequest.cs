using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>One cast being evaluated: where it is (for errors), whether failures become null (<c>try_cast</c>), and which rows matter.</summary>
internal readonly record struct CastRequest(DataType Target, bool IsTry, EvaluationScope Scope, bool[]? Active, int Offset)
{
    /// <summary>The type named in error messages when a cast goes through an intermediate type.</summary>
    public DataType? Reported { get; init; }

    public ExpressionException Failure(EvalColumn source, int row)
    {
        var value = source.GetValue(row);
        var shown = value switch
        {
            string s => $"'{s}'",
            byte[] b => $"X'{Convert.ToHexString(b)}'",
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value?.ToString(),
        };
        return Scope.Fail(Offset, $"cannot cast {shown} ({source.Type}) to {Reported ?? Target} (use try_cast(... AS {Reported ?? Target}) to get NULL for values that do not convert)");
    }
}
