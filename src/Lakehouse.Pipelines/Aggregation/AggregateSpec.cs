using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// One output column of a gold aggregation, parsed from YAML like <c>total: sum(amount)</c>: the column name and a
/// single aggregate call whose argument is any row expression (<c>sum(amount * quantity)</c>).
/// </summary>
public sealed record AggregateSpec
{
    private AggregateSpec(string name, AggregateFunction function, string text, SyntaxNode? argument, ExpressionOrigin origin)
    {
        Name = name;
        Function = function;
        Text = text;
        Argument = argument;
        Origin = origin;
    }

    /// <summary>The output column name.</summary>
    public string Name { get; }

    public AggregateFunction Function { get; }

    /// <summary>The aggregate text as written (<c>sum(amount)</c>).</summary>
    public string Text { get; }

    /// <summary>The argument's syntax (offsets within <see cref="Text"/>); null for <c>count(*)</c>.</summary>
    public SyntaxNode? Argument { get; }

    public ExpressionOrigin Origin { get; }

    /// <summary>Parses <c>count(*)</c>, <c>count(x)</c>, <c>count(DISTINCT x)</c>, <c>count_distinct(x)</c>, <c>sum(x)</c>, <c>min(x)</c>, <c>max(x)</c>, <c>avg(x)</c>/<c>mean(x)</c>.</summary>
    /// <exception cref="ExpressionException">Not a single aggregate call; the message points at the text.</exception>
    public static AggregateSpec Parse(string name, string text, ExpressionOrigin origin = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(text);
        var syntax = Parser.Parse(text, origin);
        if (syntax is not CallSyntax call)
        {
            throw ExpressionException.At(text, origin, syntax.Offset,
                $"aggregate '{name}' must be one aggregate call such as sum(amount), count(*) or count_distinct(customer_id); compute row expressions inside the call");
        }

        var function = call.Name.ToLowerInvariant() switch
        {
            "count" when call.IsStar => AggregateFunction.CountStar,
            "count" when call.Distinct => AggregateFunction.CountDistinct,
            "count" => AggregateFunction.Count,
            "count_distinct" => AggregateFunction.CountDistinct,
            "sum" => AggregateFunction.Sum,
            "min" => AggregateFunction.Min,
            "max" => AggregateFunction.Max,
            "avg" or "mean" => AggregateFunction.Avg,
            _ => throw ExpressionException.At(text, origin, call.Offset,
                $"'{call.Name}' is not an aggregate; use count, count_distinct, sum, min, max or avg"),
        };

        if (function == AggregateFunction.CountStar)
        {
            return new AggregateSpec(name, function, text, null, origin);
        }

        if (call.IsStar || call.Arguments.Count != 1)
        {
            throw ExpressionException.At(text, origin, call.Offset, $"{call.Name.ToLowerInvariant()} takes exactly one argument{(call.IsStar ? " (only count accepts *)" : string.Empty)}");
        }

        if (call.Distinct && function != AggregateFunction.CountDistinct)
        {
            throw ExpressionException.At(text, origin, call.Offset, "DISTINCT is only supported in count(DISTINCT x)");
        }

        return new AggregateSpec(name, function, text, call.Arguments[0], origin);
    }

    public override string ToString() => $"{Name}: {Text}";
}
