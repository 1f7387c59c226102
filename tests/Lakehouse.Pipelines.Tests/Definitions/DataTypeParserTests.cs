using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Tests.Definitions;

public sealed class DataTypeParserTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "boolean", "boolean" },
        { "tinyint", "byte" },
        { "byte", "byte" },
        { "smallint", "short" },
        { "SHORT", "short" },
        { "int", "integer" },
        { "integer", "integer" },
        { "bigint", "long" },
        { "long", "long" },
        { "float", "float" },
        { "double", "double" },
        { "string", "string" },
        { "binary", "binary" },
        { "date", "date" },
        { "timestamp", "timestamp" },
        { "decimal(10,2)", "decimal(10,2)" },
        { "decimal( 38 , 0 )", "decimal(38,0)" },
        { "decimal(5)", "decimal(5,0)" },
        { "array<long>", "array<long>" },
        { "map<string, int>", "map<string, integer>" },
        { "struct<a:int, b:array<string>>", "struct<a: integer, b: array<string>>" },
        { "array<struct<`x y`:decimal(4,1)>>", "array<struct<x y: decimal(4,1)>>" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_WhenTypeIsValid_ReturnsTheType(string text, string expected)
    {
        Assert.Equal(expected, DataTypeParser.Parse(text).ToString());
    }

    [Fact]
    public void Parse_Decimal_ReturnsPrecisionAndScale()
    {
        var type = Assert.IsType<DecimalType>(DataTypeParser.Parse("decimal(12,3)"));
        Assert.Equal(12, type.Precision);
        Assert.Equal(3, type.Scale);
    }

    [Theory]
    [InlineData("lng", 0, "unknown type 'lng'")]
    [InlineData("decimal(40,2)", 8, "out of range")]
    [InlineData("decimal(4,5)", 8, "out of range")]
    [InlineData("array<long", 10, "expected '>'")]
    [InlineData("map<string>", 10, "expected ','")]
    [InlineData("struct<a:int, a:long>", 14, "duplicate struct field 'a'")]
    [InlineData("long long", 5, "unexpected")]
    [InlineData("", 0, "expected a type name")]
    public void TryParse_WhenTypeIsInvalid_ReportsReasonAndOffset(string text, int offset, string reason)
    {
        Assert.False(DataTypeParser.TryParse(text, out _, out var error, out var errorOffset));
        Assert.Contains(reason, error);
        Assert.Equal(offset, errorOffset);
    }
}
