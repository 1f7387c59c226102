using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>A group-by key: output column <paramref name="Name"/> computed by <paramref name="Expression"/> (often just the column name).</summary>
public sealed record GroupKey(string Name, string Expression, ExpressionOrigin Origin = default)
{
    /// <summary>A key that is a plain column, kept under its own name.</summary>
    public static GroupKey Column(string name, ExpressionOrigin origin = default) => new(name, $"`{name.Replace("`", "``", StringComparison.Ordinal)}`", origin);
}
