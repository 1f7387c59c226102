using System.Text.Json;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class JsonLinesSourceReaderTests
{
    private const string Uri = "s3://landing/events/e.json";

    private static Task<SourceHarness.Result> Read(string text, StructType? table = null, SourceDefinition? source = null) =>
        SourceHarness.ReadAsync(source ?? SourceHarness.Json(), text, table, uri: Uri);

    [Fact]
    public async Task Read_Objects_InferNestedStructsAndLists()
    {
        var r = await Read("""
            {"id": 1, "user": {"name": "Ann", "age": 30}, "tags": ["a", "b"], "at": "2024-05-01T10:00:00Z", "price": 9.99}
            {"id": 2, "user": {"name": "Bob"}, "tags": [], "at": "2024-05-02 11:30:00", "price": 10.50}
            """);

        Assert.Equal(
            "struct<id: long, user: struct<name: string, age: long>, tags: array<string>, at: timestamp, price: decimal(38,2), _rescued_data: string>",
            r.Schema.ToString());
        Assert.Equal(1L, r.Value(0, "id"));
        Assert.Equal(new object?[] { "Ann", 30L }, r.Value(0, "user"));
        Assert.Equal(new object?[] { "Bob", null }, r.Value(1, "user"));
        Assert.Equal(new List<object?> { "a", "b" }, r.Value(0, "tags"));
        Assert.Equal(new List<object?>(), r.Value(1, "tags"));
        Assert.Equal(new DateTime(2024, 5, 2, 11, 30, 0, DateTimeKind.Utc), r.Value(1, "at"));
        Assert.Equal(new DecimalValue(1050, 2), r.Value(1, "price"));
        Assert.Equal(0, r.Stats.RowsRescued);
    }

    [Fact]
    public async Task Read_MixedNumberTypes_Widen_AndMixedKinds_BecomeStrings()
    {
        var r = await Read("""
            {"a": 1, "b": 1, "c": {"x": 1}, "d": 1.5}
            {"a": 2.5, "b": "text", "c": 5, "d": 1.25}
            """);

        Assert.Equal(new DecimalType(38, 1), r.Schema["a"].Type);
        Assert.Equal(DataType.String, r.Schema["b"].Type);
        Assert.Equal(DataType.String, r.Schema["c"].Type);
        Assert.Equal(DataType.Double, r.Schema["d"].Type);
        Assert.Equal(new DecimalValue(10, 1), r.Value(0, "a"));
        Assert.Equal("1", r.Value(0, "b"));
        Assert.Equal("{\"x\": 1}", r.Value(0, "c"));
        Assert.Equal("5", r.Value(1, "c"));
    }

    [Fact]
    public async Task Read_InvalidLine_IsRescuedWholeAndCounted()
    {
        var r = await Read("{\"a\": 1}\n{not json\n[1,2]\n{\"a\": 3}\n");

        Assert.Equal(4, r.Rows.Count);
        Assert.Equal(2, r.Stats.BadLines);
        Assert.Null(r.Value(1, "a"));
        var rescued = r.Rescued(1)!.Value;
        Assert.Equal("{not json", rescued.GetProperty("_corrupt_record").GetString());
        Assert.Equal(Uri, rescued.GetProperty("_file").GetString());
        Assert.Equal(2, rescued.GetProperty("_line").GetInt32());
        Assert.Equal("[1,2]", r.Rescued(2)!.Value.GetProperty("_corrupt_record").GetString());
        Assert.Equal(3L, r.Value(3, "a"));
    }

    [Fact]
    public async Task Read_ValueNotFittingTheColumn_IsRescuedAsJson()
    {
        var table = new StructType(new StructField("id", DataType.Long), new StructField("user", new StructType(new StructField("age", DataType.Integer))));
        var r = await Read("""
            {"id": "abc", "user": {"age": "old"}}
            {"id": 12345678901234567890, "user": {"age": 3}}
            """, table);

        Assert.Null(r.Value(0, "id"));
        Assert.Null(r.Value(0, "user"));
        var rescued = r.Rescued(0)!.Value;
        Assert.Equal("abc", rescued.GetProperty("id").GetString());
        Assert.Equal("old", rescued.GetProperty("user").GetProperty("age").GetString());
        Assert.Equal(JsonValueKind.Number, r.Rescued(1)!.Value.GetProperty("id").ValueKind);
        Assert.Equal(new object?[] { 3 }, r.Value(1, "user"));
    }

    [Fact]
    public async Task Read_StringsConvertToHintedTypes()
    {
        var source = SourceHarness.Json(s => s with { SchemaHints = [new SchemaHint("n", DataType.Long, default), new SchemaHint("d", DataType.Date, default)] });
        var r = await Read("{\"n\": \"42\", \"d\": \"2024-02-29\"}\n", source: source);

        Assert.Equal(42L, r.Value(0, "n"));
        Assert.Equal(new DateOnly(2024, 2, 29), r.Value(0, "d"));
    }

    [Fact]
    public async Task Read_DuplicateFieldInALine_KeepsTheFirstAndRescuesTheRepeat()
    {
        var r = await Read("{\"a\": 1, \"A\": 2}\n");

        Assert.Equal(1L, r.Value(0, "a"));
        Assert.Equal(2, r.Rescued(0)!.Value.GetProperty("A").GetInt32());
    }

    [Fact]
    public async Task Read_RescueMode_RescuesNewTopLevelAndNestedFields()
    {
        var table = new StructType(new StructField("id", DataType.Long), new StructField("user", new StructType(new StructField("name", DataType.String))));
        var source = SourceHarness.Json(s => s with { SchemaEvolution = SchemaEvolutionMode.Rescue });
        var r = await Read("{\"id\": 1, \"user\": {\"name\": \"Ann\", \"email\": \"a@x\"}, \"extra\": [1]}\n", table, source);

        Assert.False(r.Reader.Evolution.SchemaChanged);
        Assert.Equal(["user.email", "extra"], r.Reader.Evolution.NewColumns);
        Assert.Equal(new object?[] { "Ann" }, r.Value(0, "user"));
        var rescued = r.Rescued(0)!.Value;
        Assert.Equal("a@x", rescued.GetProperty("user.email").GetString());
        Assert.Equal(1, rescued.GetProperty("extra")[0].GetInt32());
    }

    [Fact]
    public async Task Read_AddNewColumnsMode_EvolvesNestedStructs()
    {
        var table = new StructType(new StructField("id", DataType.Long), new StructField("user", new StructType(new StructField("name", DataType.String))), new StructField("_rescued_data", DataType.String));
        var r = await Read("{\"id\": 1, \"user\": {\"name\": \"Ann\", \"email\": \"a@x\"}, \"score\": 5}\n", table);

        Assert.True(r.Reader.Evolution.SchemaChanged);
        Assert.Equal("struct<id: long, user: struct<name: string, email: string>, _rescued_data: string, score: long>", r.Schema.ToString());
        Assert.Equal(new object?[] { "Ann", "a@x" }, r.Value(0, "user"));
        Assert.Equal(5L, r.Value(0, "score"));
    }

    [Fact]
    public async Task Read_BlankLinesAndCrLf_AreHandled()
    {
        var r = await Read("{\"a\": 1}\r\n\r\n   \n{\"a\": 2}");

        Assert.Equal([1L, 2L], r.Rows.Select(row => row[0]));
        Assert.Equal(2, r.Stats.EmptyLinesSkipped);
    }

    [Fact]
    public async Task Read_EscapedStringsAndUnicode_AreUnescaped()
    {
        var r = await Read("{\"s\": \"line\\nbreak \\\"q\\\" \\u00e9\", \"t\": \"Zoë\"}\n");

        Assert.Equal("line\nbreak \"q\" é", r.Value(0, "s"));
        Assert.Equal("Zoë", r.Value(0, "t"));
    }

    [Fact]
    public async Task Read_ObjectIntoMapHint_ReadsKeysAndValues()
    {
        var source = SourceHarness.Json(s => s with { SchemaHints = [new SchemaHint("m", new MapType(DataType.String, DataType.Long), default)] });
        var r = await Read("{\"m\": {\"x\": 1, \"y\": 2}}\n", source: source);

        var map = Assert.IsType<List<KeyValuePair<object, object?>>>(r.Value(0, "m"));
        Assert.Equal([new KeyValuePair<object, object?>("x", 1L), new KeyValuePair<object, object?>("y", 2L)], map);
    }

    [Fact]
    public async Task Read_NotText_Throws()
    {
        var bytes = new byte[] { 0x7b, 0x22, 0x61, 0x22, 0x3a, 0xc3, 0x28, 0x7d, 0x0a };
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Json(), bytes, uri: Uri));

        Assert.Equal(5, e.ByteOffset);
        Assert.Equal(1, e.Line);
    }
}
