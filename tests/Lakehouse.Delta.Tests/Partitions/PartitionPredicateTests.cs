using Lakehouse.Delta.Partitions;

namespace Lakehouse.Delta.Tests.Partitions;

public class PartitionPredicateTests
{
    private static readonly Dictionary<string, object?> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = 2021, ["country"] = "FR", ["day"] = new DateOnly(2021, 5, 1), ["missing"] = null,
    };

    [Fact]
    public void Matches_ConjunctionOfConditions_RequiresAll()
    {
        Assert.True(PartitionPredicate.Equal("year", 2021).And(PartitionPredicate.Equal("country", "FR")).Matches(Values));
        Assert.False(PartitionPredicate.Equal("year", 2021).And(PartitionPredicate.Equal("country", "DE")).Matches(Values));
    }

    [Fact]
    public void Matches_ComparisonsInAndNulls_UseSqlSemantics()
    {
        Assert.True(PartitionPredicate.Compare("year", PartitionComparison.GreaterThanOrEqual, 2020).Matches(Values));
        Assert.True(PartitionPredicate.Compare("day", PartitionComparison.LessThan, new DateOnly(2021, 6, 1)).Matches(Values));
        Assert.True(PartitionPredicate.In("country", "DE", "FR").Matches(Values));
        Assert.True(PartitionPredicate.Equal("missing", null).Matches(Values));
        Assert.False(PartitionPredicate.Compare("missing", PartitionComparison.NotEqual, 1).Matches(Values));
        Assert.True(PartitionPredicate.Equal("year", 2021L).Matches(Values));
        Assert.True(PartitionPredicate.All.Matches(Values));
    }

    [Fact]
    public void ToString_DescribesThePredicateLikeSql()
    {
        Assert.Equal("year = 2021 AND country IN ('DE', 'FR')", PartitionPredicate.Equal("year", 2021).And(PartitionPredicate.In("country", "DE", "FR")).ToString());
    }
}
