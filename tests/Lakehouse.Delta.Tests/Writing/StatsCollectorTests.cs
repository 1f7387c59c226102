using System.Text.Json;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Writing;

public class StatsCollectorTests
{
    [Fact]
    public void Stats_OverSeveralBatchesWithNulls_KeepTheBoundsOfAllNonNullValues()
    {
        var schema = new StructType(
            new StructField("i", DataType.Integer), new StructField("l", DataType.Long), new StructField("d", DataType.Double), new StructField("s", DataType.String));
        var collector = FromFile(schema, 32,
            Batches.Of(schema, new object?[] { null, null, null, null }, [7, 70L, 0.5, "m"], [null, -3L, null, "b"]),
            Batches.Of(schema, new object?[] { null, null, null, null }),
            Batches.Of(schema, [-9, 100L, -1.5, "z"], [8, null, 2.5, null], [3, 5L, 0.0, "a"]));
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
    public void Stats_NaN_WriteNoBoundsForThatColumn()
    {
        var schema = new StructType(new StructField("d", DataType.Double), new StructField("l", DataType.Long));
        var collector = FromFile(schema, 32, Batches.Of(schema, [1.0, 1L], [double.NaN, 2L], [3.0, 3L]));
        using var doc = JsonDocument.Parse(collector.ToJson());

        Assert.False(doc.RootElement.GetProperty("minValues").TryGetProperty("d", out _));
        Assert.Equal(3, doc.RootElement.GetProperty("maxValues").GetProperty("l").GetInt64());
    }

    [Fact]
    public void ToJson_TruncatesLongStringsAndBumpsTheMax()
    {
        var schema = new StructType(new StructField("s", DataType.String));
        var longValue = new string('b', 40);

        var collector = FromFile(schema, 32, Batches.Of(schema, ["a" + longValue], [longValue]));
        using var doc = JsonDocument.Parse(collector.ToJson());

        Assert.Equal(("a" + longValue)[..32], doc.RootElement.GetProperty("minValues").GetProperty("s").GetString());
        Assert.Equal(longValue[..32] + char.ConvertFromUtf32(0x10FFFF), doc.RootElement.GetProperty("maxValues").GetProperty("s").GetString());
    }

    [Fact]
    public void ToJson_NestedStructs_NullCountsNestedAndNoBoundsForBooleansOrArrays()
    {
        var inner = new StructType(new StructField("x", DataType.Integer), new StructField("flag", DataType.Boolean));
        var schema = new StructType(new StructField("st", inner), new StructField("arr", new ArrayType(DataType.Long)));
        var collector = FromFile(schema, 32, Batches.Of(schema, [new object?[] { 5, true }, new List<object?> { 1L }], [null, null], [new object?[] { -2, null }, new List<object?>()]));
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
        var collector = FromFile(schema, 2, Batches.Of(schema, [1L, 2L, 3L]));
        using var doc = JsonDocument.Parse(collector.ToJson());

        Assert.True(doc.RootElement.GetProperty("minValues").TryGetProperty("b", out _));
        Assert.False(doc.RootElement.GetProperty("minValues").TryGetProperty("c", out _));
        Assert.False(doc.RootElement.GetProperty("nullCount").TryGetProperty("c", out _));
    }

    public static TheoryData<string> FileStatsCases() => ["mixed", "nested", "nan", "infinity", "strings", "allNull", "indexedTwo"];

    // The JSON each case gives. Checked, when the stats moved to the writer's statistics, to be byte for byte what the
    // former second pass over every value (LeafStats.Add) wrote for the same batches.
    private static readonly Dictionary<string, string> ExpectedStats = new()
    {
        ["mixed"] = """{"numRecords":3,"minValues":{"b":-100,"sh":-7,"i":-5,"l":-1,"f":-3.5,"d":-0.25,"dec":-12.34,"wide":-0.0005,"day":"1969-12-31","ts":"1960-01-01T00:00:00.000Z"},"maxValues":{"b":3,"sh":300,"i":12,"l":9000000000,"f":1.5,"d":1E+300,"dec":999.99,"wide":12345678901234567890.1234,"day":"2100-01-01","ts":"2024-02-29T23:59:59.999Z"},"nullCount":{"b":1,"sh":1,"i":1,"l":1,"f":1,"d":1,"dec":1,"wide":1,"day":1,"ts":1,"flag":1,"bin":1}}""",
        ["nested"] = """{"numRecords":3,"minValues":{"st":{"x":-2,"s":"q"},"after":-8},"maxValues":{"st":{"x":5,"s":"q"},"after":4},"nullCount":{"st":{"x":1,"s":2,"flag":2},"arr":1,"m":1,"after":1}}""",
        ["nan"] = """{"numRecords":3,"minValues":{"l":1},"maxValues":{"l":3},"nullCount":{"d":0,"f":0,"l":0}}""",
        ["infinity"] = """{"numRecords":3,"minValues":{},"maxValues":{},"nullCount":{"d":0,"e":0}}""",
        ["strings"] = """{"numRecords":6,"minValues":{"s":""},"maxValues":{"s":"é\uD83D\uDE42bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\uDBFF\uDFFF"},"nullCount":{"s":1}}""",
        ["allNull"] = """{"numRecords":2,"minValues":{},"maxValues":{},"nullCount":{"s":2,"l":2,"d":2}}""",
        ["indexedTwo"] = """{"numRecords":2,"minValues":{"a":1,"b":"x"},"maxValues":{"a":2,"b":"x"},"nullCount":{"a":0,"b":1}}""",
    };

    [Theory]
    [MemberData(nameof(FileStatsCases))]
    public void SetFromFile_EveryTypeNestedNaNInfinityLongStrings_GivesSparkLikeStats(string name)
    {
        var (schema, batches, indexed) = FileStatsCase(name);

        var collector = FromFile(schema, indexed, batches);

        Assert.Equal(ExpectedStats[name], collector.ToJson());
    }

    /// <summary>Writes the batches as one Parquet file and collects the stats the way data files get them.</summary>
    private static StatsCollector FromFile(StructType schema, int indexed, params RecordBatch[] batches)
    {
        var collector = new StatsCollector(schema, indexed);
        using var writer = new ParquetFileWriter(new MemoryStream(), schema);
        foreach (var batch in batches)
        {
            writer.Write(batch);
            collector.AddRows(batch);
        }

        collector.SetFromFile(writer.Close());
        return collector;
    }

    private static (StructType Schema, RecordBatch[] Batches, int Indexed) FileStatsCase(string name)
    {
        switch (name)
        {
            case "mixed":
                var mixed = new StructType(
                    new StructField("b", DataType.Byte), new StructField("sh", DataType.Short), new StructField("i", DataType.Integer),
                    new StructField("l", DataType.Long), new StructField("f", DataType.Float), new StructField("d", DataType.Double),
                    new StructField("dec", new DecimalType(10, 2)), new StructField("wide", new DecimalType(30, 4)),
                    new StructField("day", DataType.Date), new StructField("ts", DataType.Timestamp), new StructField("flag", DataType.Boolean),
                    new StructField("bin", DataType.Binary));
                return (mixed, [
                    Batches.Of(mixed,
                        [(sbyte)3, (short)-7, 12, 9_000_000_000L, 1.5f, -0.25, new DecimalValue(-1234, 2), new DecimalValue(Int128.Parse("123456789012345678901234"), 4),
                            new DateOnly(1969, 12, 31), new DateTime(2024, 2, 29, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9990), true, new byte[] { 1, 2 }],
                        [null, null, null, null, null, null, null, null, null, null, null, null]),
                    Batches.Of(mixed,
                        [(sbyte)-100, (short)300, -5, -1L, -3.5f, 1e300, new DecimalValue(99999, 2), new DecimalValue(-5, 4),
                            new DateOnly(2100, 1, 1), new DateTime(1960, 1, 1, 0, 0, 0, DateTimeKind.Utc), false, new byte[] { 0 }]),
                ], 32);
            case "nested":
                var inner = new StructType(new StructField("x", DataType.Integer), new StructField("s", DataType.String), new StructField("flag", DataType.Boolean));
                var nested = new StructType(
                    new StructField("st", inner), new StructField("arr", new ArrayType(DataType.Long)),
                    new StructField("m", new MapType(DataType.String, DataType.Long)), new StructField("after", DataType.Long));
                return (nested, [
                    Batches.Of(nested,
                        [new object?[] { 5, "q", true }, new List<object?> { 1L, null }, null, 4L],
                        [null, null, new Dictionary<object, object?> { ["k"] = 1L }, null],
                        [new object?[] { -2, null, null }, new List<object?>(), new Dictionary<object, object?>(), -8L]),
                ], 32);
            case "nan":
                var nan = new StructType(new StructField("d", DataType.Double), new StructField("f", DataType.Float), new StructField("l", DataType.Long));
                return (nan, [Batches.Of(nan, [1.0, 2f, 1L], [double.NaN, float.NaN, 2L]), Batches.Of(nan, [3.0, -1f, 3L])], 32);
            case "infinity":
                var inf = new StructType(new StructField("d", DataType.Double), new StructField("e", DataType.Double));
                return (inf, [Batches.Of(inf, [1.0, 1.0], [double.PositiveInfinity, 2.0], [-2.0, double.NegativeInfinity])], 32);
            case "strings":
                var strings = new StructType(new StructField("s", DataType.String));
                var longValue = new string('b', 40);
                return (strings, [
                    Batches.Of(strings, ["a" + longValue], [longValue], ["é🙂" + longValue], [""]),
                    Batches.Of(strings, ["zz"], [null]),
                ], 32);
            case "allNull":
                var allNull = new StructType(new StructField("s", DataType.String), new StructField("l", DataType.Long), new StructField("d", DataType.Double));
                return (allNull, [Batches.Of(allNull, [null, null, null], [null, null, null])], 32);
            default:
                var wide = new StructType(new StructField("a", DataType.Long), new StructField("b", DataType.String), new StructField("c", DataType.Long));
                return (wide, [Batches.Of(wide, [1L, "x", 3L], [2L, null, null])], 2);
        }
    }
}
