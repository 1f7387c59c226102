namespace Lakehouse.Delta.Partitions;

/// <summary>The comparison of one <see cref="PartitionCondition"/>.</summary>
public enum PartitionComparison
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    In,
    IsNull,
    IsNotNull,
}
