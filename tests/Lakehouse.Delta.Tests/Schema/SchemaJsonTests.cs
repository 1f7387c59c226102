using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Schema;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Schema;

public class SchemaJsonTests
{
    [Fact]
    public void Parse_NestedSparkSchema_BuildsTypesAndKeepsMetadataRaw()
    {
        const string json = """
            {"type":"struct","fields":[
              {"name":"id","type":"long","nullable":false,"metadata":{}},
              {"name":"amount","type":"decimal(10,2)","nullable":true,"metadata":{"comment":"eur"}},
              {"name":"tags","type":{"type":"array","elementType":"string","containsNull":false},"nullable":true,"metadata":{}},
              {"name":"attrs","type":{"type":"map","keyType":"string","valueType":"integer","valueContainsNull":true},"nullable":true,"metadata":{}},
              {"name":"s","type":{"type":"struct","fields":[{"name":"d","type":"date","nullable":true,"metadata":{}},{"name":"t","type":"timestamp","nullable":true,"metadata":{}}]},"nullable":true,"metadata":{}}
            ]}
            """;

        var schema = SchemaJson.Parse(json);

        Assert.Equal(new StructField("id", DataType.Long, false), schema.Fields[0]);
        Assert.Equal(new DecimalType(10, 2), schema.Fields[1].Type);
        Assert.Equal("""{"comment":"eur"}""", schema.Fields[1].MetadataJson);
        Assert.Equal(new ArrayType(DataType.String, false), schema.Fields[2].Type);
        Assert.Equal(new MapType(DataType.String, DataType.Integer, true), schema.Fields[3].Type);
        var s = Assert.IsType<StructType>(schema.Fields[4].Type);
        Assert.Equal(DataType.Timestamp, s["t"].Type);
    }

    [Fact]
    public void Serialize_ThenParse_RoundTrips()
    {
        var schema = new StructType(
            new StructField("a", DataType.Integer, false, """{"delta.invariants":"{\"expression\":{\"expression\":\"a > 0\"}}"}"""),
            new StructField("b", new MapType(DataType.String, new ArrayType(new DecimalType(38, 18)))),
            new StructField("c", new StructType(new StructField("x", DataType.Binary))));

        var json = SchemaJson.Serialize(schema);

        Assert.StartsWith("""{"type":"struct","fields":[{"name":"a","type":"integer","nullable":false,"metadata":{"delta.invariants":""", json, StringComparison.Ordinal);
        Assert.Equal(schema, SchemaJson.Parse(json));
    }

    [Fact]
    public void Parse_TimestampNtz_FailsNamingColumnAndReaderVersion()
    {
        var ex = Assert.Throws<DeltaProtocolException>(() =>
            SchemaJson.Parse("""{"type":"struct","fields":[{"name":"ts","type":"timestamp_ntz","nullable":true,"metadata":{}}]}"""));

        Assert.Contains("'ts'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reader version 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateNamesIgnoringCase_Fails()
    {
        Assert.Throws<DeltaProtocolException>(() =>
            SchemaJson.Parse("""{"type":"struct","fields":[{"name":"A","type":"long","nullable":true,"metadata":{}},{"name":"a","type":"long","nullable":true,"metadata":{}}]}"""));
    }
}
