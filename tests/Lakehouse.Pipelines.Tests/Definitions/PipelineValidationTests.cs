using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Tests.Definitions;

public sealed class PipelineValidationTests
{
    private const string Header = """
        version: 1
        pipeline: p
        workspace: w
        owner: {id: o}

        """;

    private static PipelineDefinitionException Fails(string body)
    {
        return Assert.Throws<PipelineDefinitionException>(() => PipelineDefinitionParser.Parse(Header + body, "p.yaml"));
    }

    private static PipelineDefinition Parses(string body) => PipelineDefinitionParser.Parse(Header + body, "p.yaml");

    [Fact]
    public void Parse_MinimalSource_AppliesDefaults()
    {
        var source = Parses("""
            sources:
              - name: orders
                path: landing/orders/
                format: csv
            """).Sources.Single();

        Assert.Equal("orders", source.Table);
        Assert.Equal(SchemaEvolutionMode.AddNewColumns, source.SchemaEvolution);
        Assert.Equal(CsvOptions.Default, source.Csv);
        Assert.Equal("_rescued_data", source.RescuedDataColumn);
        Assert.Equal(MetadataColumns.Default, source.MetadataColumns);
        Assert.True(source.InferColumnTypes);
        Assert.True(source.InferDecimals);
        Assert.Null(source.MaxFileSizeMb);
    }

    [Fact]
    public void Parse_UnknownKey_SuggestsTheClosestAndNamesLineAndColumn()
    {
        var e = Fails("""
            sources:
              - name: orders
                path: x/
                format: csv
                schemaHint: {a: long}
            """);

        Assert.Equal(new SourcePosition("p.yaml", 9, 5), e.Position);
        Assert.Contains("unknown key 'schemaHint' in source 'orders'", e.Message);
        Assert.Contains("Did you mean 'schemaHints'?", e.Message);
        Assert.StartsWith("p.yaml:9:5: ", e.Message);
    }

    [Fact]
    public void Parse_BadEnumValue_ListsAllowedValues()
    {
        var e = Fails("""
            sources:
              - name: orders
                path: x/
                format: csv
                schemaEvolution: addNewColumn
            """);

        Assert.Equal(9, e.Position.Line);
        Assert.Equal(22, e.Position.Column);
        Assert.Contains("Did you mean 'addNewColumns'?", e.Message);
        Assert.Contains("addNewColumns, rescue, failOnNewColumns, none", e.Message);
    }

    [Fact]
    public void Parse_BadFormat_ListsFormats()
    {
        var e = Fails("""
            sources:
              - {name: orders, path: x/, format: xml}
            """);

        Assert.Contains("'format' in source 'orders' cannot be 'xml'", e.Message);
        Assert.Contains("csv, json, parquet", e.Message);
    }

    [Fact]
    public void Parse_MissingRequiredKey_NamesTheKey()
    {
        var e = Fails("""
            sources:
              - name: orders
                format: csv
            """);

        Assert.Contains("source 'orders' is missing the required key 'path'", e.Message);
        Assert.Equal(6, e.Position.Line);
    }

    [Fact]
    public void Parse_WrongType_SaysWhatWasExpected()
    {
        var e = Fails("""
            sources:
              - name: orders
                path: x/
                format: csv
                csv:
                  header: maybe
            """);

        Assert.Contains("'header' in the csv options of source 'orders' must be true or false, found 'maybe'", e.Message);
        Assert.Equal(new SourcePosition("p.yaml", 10, 15), e.Position);
    }

    [Fact]
    public void Parse_ListWhereMappingExpected_SaysSo()
    {
        var e = Fails("""
            sources: {name: orders}
            """);

        Assert.Contains("'sources' in the pipeline definition must be a list, found a mapping", e.Message);
    }

    [Fact]
    public void Parse_InvalidSchemaHint_PointsAtTheBadPartOfTheType()
    {
        var e = Fails("""
            sources:
              - name: orders
                path: x/
                format: csv
                schemaHints:
                  amount: decimal(40,2)
            """);

        Assert.Contains("invalid type 'decimal(40,2)' for column 'amount'", e.Message);
        Assert.Contains("precision must be 1 to 38", e.Message);
        Assert.Contains("Allowed: boolean", e.Message);
        Assert.Equal(new SourcePosition("p.yaml", 10, 23), e.Position);
    }

    [Fact]
    public void Parse_MissingVersion_SaysToAddIt()
    {
        var e = Assert.Throws<PipelineDefinitionException>(() => PipelineDefinitionParser.Parse("pipeline: p\nworkspace: w\nowner: {id: o}\n", "p.yaml"));
        Assert.Contains("Add 'version: 1'", e.Message);
    }

    [Fact]
    public void Parse_UnsupportedVersion_IsRejected()
    {
        var e = Assert.Throws<PipelineDefinitionException>(() => PipelineDefinitionParser.Parse("version: 2\npipeline: p\n", "p.yaml"));
        Assert.Contains("format version 2 is not supported", e.Message);
        Assert.Equal(1, e.Position.Line);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsPosition()
    {
        var e = Assert.Throws<PipelineDefinitionException>(() => PipelineDefinitionParser.Parse("version: 1\npipeline: [unclosed\n", "p.yaml"));
        Assert.Contains("not valid YAML", e.Message);
        Assert.Equal("p.yaml", e.Position.File);
    }

    private const string TwoSources = """
        sources:
          - {name: orders, path: o/, format: csv}
          - {name: customers, path: c/, format: json}

        """;

    [Fact]
    public void Parse_DuplicateTableNames_AreRejected()
    {
        var e = Fails(TwoSources + """
            silver:
              - {name: orders, from: orders}
            """);

        Assert.Contains("table name 'orders' (silver) is already used by a bronze table at line 6", e.Message);
        Assert.Equal(9, e.Position.Line);
    }

    [Fact]
    public void Parse_FromUnknownTable_ListsKnownTables()
    {
        var e = Fails(TwoSources + """
            silver:
              - {name: orders_clean, from: order}
            """);

        Assert.Contains("reads from 'order', which is not a bronze or silver table", e.Message);
        Assert.Contains("Known: orders, customers, orders_clean", e.Message);
        Assert.Equal(new SourcePosition("p.yaml", 9, 32), e.Position);
    }

    [Fact]
    public void Parse_GoldFromBronze_IsRejected()
    {
        var e = Fails(TwoSources + """
            gold:
              - name: g
                from: orders
                aggregations:
                  - n: count(*)
            """);

        Assert.Contains("gold table 'g' reads from 'orders', which is not a silver table", e.Message);
    }

    [Fact]
    public void Parse_CycleBetweenSilverTables_NamesTheCycle()
    {
        var e = Fails(TwoSources + """
            silver:
              - {name: a, from: c}
              - {name: b, from: a}
              - {name: c, from: b}
            """);

        Assert.Contains("cycle: a -> c -> b -> a", e.Message);
    }

    [Fact]
    public void Parse_MergeModeWithoutMergeOptions_SaysWhatToAdd()
    {
        var e = Fails(TwoSources + """
            silver:
              - {name: s, from: orders, mode: merge}
            """);

        Assert.Contains("has mode merge but no 'merge' options", e.Message);
    }

    [Fact]
    public void Parse_UnknownAggregateFunction_SuggestsOne()
    {
        var e = Fails(TwoSources + """
            silver:
              - {name: s, from: orders}
            gold:
              - name: g
                from: s
                aggregations:
                  - total: summ(amount)
            """);

        Assert.Contains("unknown aggregate function 'summ'", e.Message);
        Assert.Contains("Did you mean 'sum'?", e.Message);
        Assert.Equal(new SourcePosition("p.yaml", 14, 16), e.Position);
    }

    [Fact]
    public void Parse_SumOfStar_IsRejected()
    {
        var e = Fails(TwoSources + """
            silver:
              - {name: s, from: orders}
            gold:
              - {name: g, from: s, aggregations: [{n: "sum(*)"}]}
            """);

        Assert.Contains("only count accepts '*'", e.Message);
    }

    [Fact]
    public void Parse_BadExpectationAction_ListsActions()
    {
        var e = Fails(TwoSources + """
            silver:
              - name: s
                from: orders
                expectations:
                  - {name: e, expr: "a > 0", action: skip}
            """);

        Assert.Contains("'action' in an expectation of silver table 's' cannot be 'skip'", e.Message);
        Assert.Contains("warn, drop, fail", e.Message);
    }

    [Fact]
    public void Parse_CsvOptionsOnJsonSource_AreRejected()
    {
        var e = Fails("""
            sources:
              - name: c
                path: c/
                format: json
                csv: {header: false}
            """);

        Assert.Contains("'csv' options apply only to format csv", e.Message);
    }

    [Fact]
    public void Parse_UnsupportedEncoding_SaysToConvert()
    {
        var e = Fails("""
            sources:
              - {name: c, path: c/, format: csv, csv: {encoding: latin1}}
            """);

        Assert.Contains("encoding 'latin1' is not supported", e.Message);
    }

    [Fact]
    public void Parse_MetadataColumnsRenamedOrDisabled()
    {
        var sources = Parses("""
            sources:
              - {name: a, path: a/, format: csv, metadataColumns: {sourceFile: file_name, ingestedAt: false}}
              - {name: b, path: b/, format: csv, metadataColumns: false}
            """).Sources;

        Assert.Equal(new MetadataColumns("file_name", null), sources[0].MetadataColumns);
        Assert.Equal(MetadataColumns.Disabled, sources[1].MetadataColumns);
    }

    [Fact]
    public void Parse_CsvDialect_IsRead()
    {
        var csv = Parses("""
            sources:
              - name: a
                path: a/
                format: csv
                csv: {header: false, delimiter: ";", quote: "'", escape: "\\", nullValue: "NULL"}
            """).Sources[0].Csv;

        Assert.Equal(new CsvOptions(false, ';', '\'', '\\', "NULL"), csv);
    }

    [Fact]
    public void Parse_PlainSelectEntryThatIsAnExpression_IsRejected()
    {
        var e = Fails(TwoSources + """
            silver:
              - name: s
                from: orders
                select:
                  - a + b
            """);

        Assert.Contains("a plain entry must be a column name", e.Message);
        Assert.Equal(new SourcePosition("p.yaml", 12, 9), e.Position);
    }

    [Fact]
    public void Parse_NoSources_IsRejected()
    {
        var e = Fails("tags: {a: b}\n");
        Assert.Contains("the pipeline has no sources", e.Message);
    }
}
