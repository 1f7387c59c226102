using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class NestedSchemaHintTests
{
    private const string Header = """
        version: 1
        pipeline: p
        workspace: w
        owner: {id: o}
        sources:
          - name: events
            path: landing/events/
            format: json
            schemaHints:

        """;

    private static SourceDefinition Source(string hints) => PipelineDefinitionParser.Parse(Header + hints, "p.yaml").Sources.Single();

    private static PipelineDefinitionException Fails(string hints) =>
        Assert.Throws<PipelineDefinitionException>(() => PipelineDefinitionParser.Parse(Header + hints, "p.yaml"));

    [Fact]
    public void Parse_DottedKey_IsAPathIntoAStruct()
    {
        var hints = Source("""
                  address.zip: string
                  "`order.id`": long
                  meta.`x.y`.z: int
            """).SchemaHints;

        Assert.Equal(["address", "zip"], hints[0].Path);
        Assert.True(hints[0].IsNested);
        Assert.Equal(["order.id"], hints[1].Path);
        Assert.False(hints[1].IsNested);
        Assert.Equal(["meta", "x.y", "z"], hints[2].Path);
        Assert.Equal(DataType.Integer, hints[2].Type);
    }

    [Theory]
    [InlineData("address..zip: string", "empty")]
    [InlineData("address.: string", "empty")]
    [InlineData("\"`address.zip\": string", "not closed")]
    [InlineData("\"`a`b\": string", "followed by")]
    public void Parse_MalformedPath_NamesTheYamlLine(string line, string expected)
    {
        var e = Fails("      " + line + "\n");

        Assert.Equal(10, e.Position.Line);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("schemaHints of source 'events'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StructAndOneOfItsFields_BothHinted_IsRefusedNamingBothLines()
    {
        var e = Fails("""
                  address: "struct<zip: int>"
                  id: long
                  Address.Zip: string
            """);

        Assert.Equal(12, e.Position.Line);
        Assert.Contains("'address' (line 10)", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Address.Zip' (line 12)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameNestedFieldTwice_IsRefused()
    {
        var e = Fails("""
                  address.zip: string
                  ADDRESS.zip: long
            """);

        Assert.Equal(11, e.Position.Line);
        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadTypeOfANestedHint_PointsAtTheType()
    {
        var e = Fails("      address.zip: strng\n");

        Assert.Equal(10, e.Position.Line);
        Assert.Contains("'address.zip'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NestedHint_OverridesTheInferredFieldType_AndAddsMissingFields()
    {
        var source = Source("""
                  address.zip: string
                  address.country: string
                  shipping.eta: date
            """);

        var r = await SourceHarness.ReadAsync(source, """
            {"id": 1, "address": {"street": "Main", "zip": 2134}}
            {"id": 2, "address": {"street": "Elm", "zip": 10001}}
            """, uri: "s3://landing/events/e.json");

        Assert.Equal(
            "struct<id: long, address: struct<street: string, zip: string, country: string>, shipping: struct<eta: date>, _rescued_data: string, _source_file: string, _ingested_at: timestamp>",
            r.Schema.ToString());
        Assert.Equal(new object?[] { "Main", "2134", null }, r.Value(0, "address"));
        Assert.Equal(new object?[] { "Elm", "10001", null }, r.Value(1, "address"));
        Assert.Null(r.Value(0, "shipping"));
        Assert.Null(r.Value(0, "_rescued_data"));
    }

    [Fact]
    public async Task Read_NestedHintThatAValueDoesNotFit_RescuesTheValue()
    {
        var source = Source("      payment.amount: \"decimal(10,2)\"\n");

        var r = await SourceHarness.ReadAsync(source, """
            {"id": 1, "payment": {"amount": 12.5, "method": "card"}}
            {"id": 2, "payment": {"amount": "lots", "method": "cash"}}
            """, uri: "s3://landing/events/e.json");

        Assert.Equal(new object?[] { new DecimalValue(1250, 2), "card" }, r.Value(0, "payment"));
        // As for any struct value that does not fit (see JsonLinesSourceReaderTests), the value is rescued, never lost.
        Assert.Null(r.Value(1, "payment"));
        Assert.Equal("lots", r.Rescued(1)!.Value.GetProperty("payment").GetProperty("amount").GetString());
    }
}
