using System.Text.Json;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Writing;

public class StatsCollectorTests
{
    [Fact]
    public void ToJson_TruncatesLongStringsAndBumpsTheMax()
    {
        var schema = new StructType(new StructField("s", DataType.String));
        var collector = new StatsCollector(schema);
        var longValue = new string('b', 40);

        collector.Add(Batches.Of(schema, ["a" + longValue], [longValue]));
        using var doc = JsonDocument.Parse(collector.ToJson());

        Assert.Equal(("a" + longValue)[..32], doc.RootElement.GetProperty("minValues").GetProperty("s").GetString());
        Assert.Equal(longValue[..32] + char.ConvertFromUtf32(0x10FFFF), doc.RootElement.GetProperty("maxValues").GetProperty("s").GetString());
    }

    [Fact]
    public void ToJson_NestedStructs_NullCountsNestedAndNoBoundsForBooleansOrArrays()
    {
        var inner = new StructType(new StructField("x", DataType.Integer), new StructField("flag", DataType.Boolean));
        var schema = new StructType(new StructField("st", inner), new StructField("arr", new ArrayType(DataType.Long)));
        var collector = new StatsCollector(schema);

        collector.Add(Batches.Of(schema, [new object?[] { 5, true }, new List<object?> { 1L }], [null, null], [new object?[] { -2, null }, new List<object?>()]));
        using var doc = JsonDocument.Parse(collector.ToJson());
        var root = doc.RootElement;

        Assert.Equal(3, root.GetProperty("numRecords").GetInt64());
        Assert.Equal(-2, root.GetProperty("minValues").GetProperty("st").GetProperty("x").GetInt32());
        Assert.Equal(5, root.GetProperty("maxValues").GetProperty("st").GetProperty("x").GetInt32());
        Assert.False(root.GetProperty("minValues").GetProperty("st").TryGetProperty("flag", out _));
        Assert.False(root.GetProperty("minValues").TryGetProperty("arr", out _));
        Assert.Equal(1, root.GetProperty("nullCount").GetProperty("st").GetProperty("x").GetInt64());
        Assert.Equal(2, root.GetProperty("nullCount").GetProperty("st").GetProperty("flag").GetInt64());
        Assert.Equal(1, root.GetProperty("nullCount").GetProperty("arr").GetInt64());
    }

    [Fact]
    public void ToJson_OnlyFirstNIndexedColumnsGetStats()
    {
        var schema = new StructType(new StructField("a", DataType.Long), new StructField("b", DataType.Long), new StructField("c", DataType.Long));
        var collector = new StatsCollector(schema, numIndexedColumns: 2);

        collector.Add(Batches.Of(schema, [1L, 2L, 3L]));
        using var doc = JsonDocument.Parse(collector.ToJson());

        Assert.True(doc.RootElement.GetProperty("minValues").TryGetProperty("b", out _));
        Assert.False(doc.RootElement.GetProperty("minValues").TryGetProperty("c", out _));
        Assert.False(doc.RootElement.GetProperty("nullCount").TryGetProperty("c", out _));
    }
}
