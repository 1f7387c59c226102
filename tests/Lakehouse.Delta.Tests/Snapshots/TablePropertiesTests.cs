using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Delta.Tests.Snapshots;

public class TablePropertiesTests
{
    [Theory]
    [InlineData("134217728", 134_217_728L)]
    [InlineData("64mb", 64L << 20)]
    [InlineData("1 GB", 1L << 30)]
    [InlineData("512k", 512L << 10)]
    [InlineData("100b", 100L)]
    public void ParseByteSize_ReadsSparkByteStrings(string text, long expected) =>
        Assert.Equal(expected, TableProperties.ParseByteSize(text));

    [Theory]
    [InlineData("")]
    [InlineData("mb")]
    [InlineData("12 parsecs")]
    [InlineData("-5mb")]
    public void ParseByteSize_RefusesOtherText(string text) => Assert.Null(TableProperties.ParseByteSize(text));

    [Fact]
    public void TargetFileSize_DefaultsTo128MiB_AndReadsTheProperty()
    {
        Assert.Equal(128L << 20, TableProperties.From(null).TargetFileSize);
        Assert.Equal(32L << 20, TableProperties.From(new Dictionary<string, string> { ["delta.targetFileSize"] = "32mb" }).TargetFileSize);
    }

    [Fact]
    public void TargetFileSize_InvalidValue_NamesTheProperty()
    {
        var ex = Assert.Throws<DeltaProtocolException>(() => TableProperties.From(new Dictionary<string, string> { ["delta.targetFileSize"] = "big" }));

        Assert.Contains("delta.targetFileSize", ex.Message, StringComparison.Ordinal);
    }
}
