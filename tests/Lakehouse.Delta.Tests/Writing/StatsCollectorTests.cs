using System.Text.Json;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Writing;

public class StatsCollectorTests
{
    [Fact]
    public void Add_OverSeveralBatchesWithNulls_KeepsTheBoundsOfAllNonNullValues()
    {
        var schema = new StructType(
            new StructField("i", DataType.Integer), new StructField("l", DataType.Long), new StructField("d", DataType.Double), new StructField("s", DataType.String));
        var collector = new StatsCollector(schema);

        collector.Add(Batches.Of(schema, new object?[] { null, null, null, null }, [7, 70L, 0.5, "m"], [null, -3L, null, "b"]));
        collector.Add(Batches.Of(schema, new object?[] { null, null, null, null }));
        collector.Add(Batches.Of(schema, [-9, 100L, -1.5, "z"], [8, null, 2.5, null], [3, 5L, 0.0, "a"]));
        using var doc = JsonDocument.Parse(collector.ToJson());
        var min = doc.RootElement.GetProperty("minValues");
        var max = doc.RootElement.GetProperty("maxValues");
        var nulls = doc.RootElement.GetProperty("nullCount");

        Assert.Equal(7, doc.RootElement.GetProperty("numRecords").GetInt64());
        Assert.Equal((-9, 8), (min.GetProperty("i").GetInt32(), max.GetProperty("i").GetInt32()));
        Assert.Equal((-3L, 100L), (min.GetProperty("l").GetInt64(), max.GetProperty("l").GetInt64()));
        Assert.Equal((-1.5, 2.5), (min.GetProperty("d").GetDouble(), max.GetProperty("d").GetDouble()));
        Assert.Equal(("a", "z"), (min.GetProperty("s").GetString(), max.GetProperty("s").GetString()));
        Assert.Equal((3, 3, 3, 3), (nulls.GetProperty("i").GetInt32(), nulls.GetProperty("l").GetInt32(), nulls.GetProperty("d").GetInt32(), nulls.GetProperty("s").GetInt32()));
    }

    [Fact]
    public void Add_NaN_WritesNoBoundsForThatColumn()
    {
        var schema = new StructType(new StructField("d", DataType.Double), new StructField("l", DataType.Long));
        var collector = new StatsCollector(schema);

        collector.Add(Batches.Of(schema, [1.0, 1L], [double.NaN, 2L], [3.0, 3L]));
        using var doc = JsonDocument.Parse(collector.ToJson());

        Assert.False(doc.RootElement.GetProperty("minValues").TryGetProperty("d", out _));
        Assert.Equal(3, doc.RootElement.GetProperty("maxValues").GetProperty("l").GetInt64());
    }

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
