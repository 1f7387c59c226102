namespace Lakehouse.Pipelines.Definitions;

/// <summary>Aggregate functions allowed in gold tables.</summary>
public enum AggregateFunction
{
    Count,
    CountDistinct,
    Sum,
    Min,
    Max,
    Avg,
}
