namespace Lakehouse.Pipelines.Aggregation;

public enum AggregateFunction
{
    /// <summary><c>count(*)</c>: rows.</summary>
    CountStar,

    /// <summary><c>count(x)</c>: non-null values.</summary>
    Count,

    /// <summary><c>count_distinct(x)</c> or <c>count(DISTINCT x)</c>: distinct non-null values.</summary>
    CountDistinct,
    Sum,
    Min,
    Max,

    /// <summary><c>avg(x)</c> (alias <c>mean</c>).</summary>
    Avg,
}
