using Lakehouse.Delta.Partitions;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Partitions;

public class PartitionEncodingTests
{
    [Theory]
    [InlineData("bar+%21", "bar+%2521")]
    [InlineData("A/A", "A%2FA")]
    [InlineData("a:b=c", "a%3Ab%3Dc")]
    [InlineData("B B", "B B")]
    [InlineData("plain", "plain")]
    public void Escape_FollowsSparkEscapePathName(string value, string expected)
    {
        Assert.Equal(expected, HivePartitionPath.Escape(value));
        Assert.Equal(value, HivePartitionPath.Unescape(expected));
    }

    [Fact]
    public void Directory_NullValue_UsesHiveDefaultPartition()
    {
        var dir = HivePartitionPath.Directory(["k", "d"], new Dictionary<string, string?> { ["k"] = null, ["d"] = "2021-09-08" });

        Assert.Equal("k=__HIVE_DEFAULT_PARTITION__/d=2021-09-08/", dir);
    }

    [Fact]
    public void LogPath_OfEscapedDirectory_DecodesExactlyOnce()
    {
        var key = "_2=" + HivePartitionPath.Escape("bar+%21") + "/part-0.parquet";

        var logPath = DeltaPath.Encode(key);

        Assert.Equal("_2=bar+%252521/part-0.parquet", logPath);
        Assert.Equal(key, DeltaPath.Decode(logPath));
    }

    [Theory]
    [InlineData("special%20p%40%23h", "special p@#h")]
    [InlineData("x=A%2FA/f.parquet", "x=A/A/f.parquet")]
    public void Decode_PercentEncodedPath_ReturnsFileName(string logPath, string expected)
    {
        Assert.Equal(expected, DeltaPath.Decode(logPath));
    }

    public static TheoryData<string?, DataType, object?> ParseCases => new()
    {
        { "42", DataType.Integer, 42 },
        { "-7", DataType.Long, -7L },
        { "3", DataType.Short, (short)3 },
        { "1", DataType.Byte, (sbyte)1 },
        { "true", DataType.Boolean, true },
        { "0.5", DataType.Double, 0.5 },
        { "2021-09-08", DataType.Date, new DateOnly(2021, 9, 8) },
        { "2021-09-08 11:11:11", DataType.Timestamp, new DateTime(2021, 9, 8, 11, 11, 11, DateTimeKind.Utc) },
        { "2024-01-01T10:00:00.000000Z", DataType.Timestamp, new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc) },
        { "12.30", new DecimalType(5, 2), new DecimalValue(1230, 2) },
        { "abc", DataType.String, "abc" },
        { "", DataType.String, null },
        { null, DataType.Integer, null },
    };

    [Theory]
    [MemberData(nameof(ParseCases))]
    public void Parse_PartitionValueText_ReturnsCanonicalValue(string? text, DataType type, object? expected)
    {
        var value = PartitionValueCodec.Parse(text, type, "c");

        Assert.Equal(expected, value);
        if (value is DateTime dt)
        {
            Assert.Equal(DateTimeKind.Utc, dt.Kind);
        }
    }

    [Fact]
    public void Format_TypedValues_WritesSparkText()
    {
        Assert.Equal("2021-09-08", PartitionValueCodec.Format(new DateOnly(2021, 9, 8), DataType.Date));
        Assert.Equal("2021-09-08 11:11:11", PartitionValueCodec.Format(new DateTime(2021, 9, 8, 11, 11, 11, DateTimeKind.Utc), DataType.Timestamp));
        Assert.Equal("2021-09-08 11:11:11.500000", PartitionValueCodec.Format(new DateTime(2021, 9, 8, 11, 11, 11, 500, DateTimeKind.Utc), DataType.Timestamp));
        Assert.Equal("false", PartitionValueCodec.Format(false, DataType.Boolean));
        Assert.Equal("-1.50", PartitionValueCodec.Format(new DecimalValue(-150, 2), new DecimalType(4, 2)));
        Assert.Null(PartitionValueCodec.Format(null, DataType.Long));
    }

    [Fact]
    public void Parse_InvalidNumber_ThrowsNamingColumn()
    {
        var ex = Assert.Throws<Lakehouse.Delta.Errors.DeltaProtocolException>(() => PartitionValueCodec.Parse("x1", DataType.Integer, "year"));

        Assert.Contains("'year'", ex.Message, StringComparison.Ordinal);
    }
}
