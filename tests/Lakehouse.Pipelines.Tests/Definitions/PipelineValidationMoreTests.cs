using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Tests.Definitions;

public sealed class PipelineValidationMoreTests
{
    private const string Header = "version: 1\npipeline: p\nworkspace: w\nowner: {id: o}\n";

    private static PipelineDefinitionException Fails(string body) =>
        Assert.Throws<PipelineDefinitionException>(() => PipelineDefinitionParser.Parse(Header + body, "p.yaml"));

    [Fact]
    public void Parse_DuplicateYamlKey_IsRejectedWithPosition()
    {
        var e = Fails("sources:\n  - {name: a, path: a/, format: csv, path: b/}\n");

        Assert.Equal(6, e.Position.Line);
    }

    [Fact]
    public void Parse_DuplicateSourceNames_AreRejected()
    {
        var e = Fails("sources:\n  - {name: a, path: a/, format: csv, table: t1}\n  - {name: a, path: b/, format: csv, table: t2}\n");

        Assert.Contains("two sources are named 'a'", e.Message);
        Assert.Equal(7, e.Position.Line);
    }

    [Fact]
    public void Parse_NegativeMaxFileSize_SaysTheRange()
    {
        var e = Fails("sources:\n  - {name: a, path: a/, format: csv, maxFileSizeMb: -5}\n");

        Assert.Contains("'maxFileSizeMb' in source 'a' must be a whole number from 1 to", e.Message);
    }

    [Fact]
    public void Parse_InvalidTableName_SaysWhatNamesMayContain()
    {
        var e = Fails("sources:\n  - {name: a, path: a/, format: csv, table: my-table}\n");

        Assert.Contains("'table' in source 'a' must be a name made of letters, digits and underscores", e.Message);
    }

    [Fact]
    public void Parse_PartitionByIngestDate_IsAllowed()
    {
        var definition = PipelineDefinitionParser.Parse(Header + "sources:\n  - {name: a, path: a/, format: json, partitionBy: _ingest_date}\n", "p.yaml");

        Assert.True(definition.Sources[0].HasIngestDate);
    }
}
