using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Tests.Transforms.Rows;

public sealed class KeyRangePrunerTests
{
    [Theory]
    [InlineData(5L, 9L, false)]
    [InlineData(10L, 19L, true)]
    [InlineData(21L, 29L, false)]
    [InlineData(30L, 40L, true)]
    public void ForValues_IntegerKeys_KeepOnlyFilesWhoseRangeHoldsOne(long min, long max, bool kept)
    {
        var pruner = KeyRangePruner.ForValues("id", DataType.Integer, [30, 10, 20]);

        Assert.Equal(kept, pruner.MayContain(File($$$"""{"numRecords":1,"minValues":{"id":{{{min}}}},"maxValues":{"id":{{{max}}}}}""")));
    }

    [Fact]
    public void MayContainAll_CompositeKeys_SkipsAFileThatAnyColumnExcludes()
    {
        var pruners = new[]
        {
            KeyRangePruner.ForValues("region", DataType.String, ["eu", "us"]),
            KeyRangePruner.ForValues("day", DataType.Long, [7L]),
        };

        Assert.True(KeyRangePruner.MayContainAll(pruners, File("""{"minValues":{"region":"ap","day":1},"maxValues":{"region":"eu","day":9}}""")));
        Assert.False(KeyRangePruner.MayContainAll(pruners, File("""{"minValues":{"region":"ap","day":8},"maxValues":{"region":"eu","day":9}}""")));
        Assert.False(KeyRangePruner.MayContainAll(pruners, File("""{"minValues":{"region":"fr","day":1},"maxValues":{"region":"tz","day":9}}""")));
    }

    [Fact]
    public void ForValues_WithANullOrAnUnsupportedType_PrunesNothing()
    {
        var outside = File("""{"minValues":{"k":100},"maxValues":{"k":200}}""");

        Assert.True(KeyRangePruner.ForValues("k", DataType.Long, [1L, null]).MayContain(outside));
        Assert.True(KeyRangePruner.ForValues("k", DataType.Double, [1.0]).MayContain(outside));
        Assert.True(KeyRangePruner.ForValues("k", DataType.Long, [1L]).MayContain(File(null)));
    }

    private static LiveFile File(string? stats) =>
        new(new AddFile { Path = "part-0.parquet", Size = 1, Stats = stats }, "t/part-0.parquet", new Dictionary<string, object?>());
}
