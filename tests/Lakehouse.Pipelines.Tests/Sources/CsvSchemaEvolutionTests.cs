using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class CsvSchemaEvolutionTests
{
    private static readonly StructType Table = new(
        new StructField("id", DataType.Long), new StructField("name", DataType.String), new StructField("_rescued_data", DataType.String));

    private const string File = "name,id,email\nAnn,1,ann@x\nBob,2,\n";

    private static SourceDefinition Mode(SchemaEvolutionMode mode) => SourceHarness.Csv(s => s with { SchemaEvolution = mode });

    [Fact]
    public async Task AddNewColumns_AddsTheColumnAtTheEndAndFillsIt()
    {
        var r = await SourceHarness.ReadAsync(Mode(SchemaEvolutionMode.AddNewColumns), File, Table);

        Assert.True(r.Reader.Evolution.SchemaChanged);
        Assert.Equal(["id", "name", "_rescued_data", "email"], r.Schema.Fields.Select(f => f.Name));
        Assert.Equal(new object?[] { 1L, "Ann", null, "ann@x" }, r.Rows[0]);
        Assert.Equal(new object?[] { 2L, "Bob", null, null }, r.Rows[1]);
    }

    [Theory]
    [InlineData(SchemaEvolutionMode.Rescue)]
    [InlineData(SchemaEvolutionMode.None)]
    public async Task RescueAndNone_KeepTheSchemaAndRescueTheValues(SchemaEvolutionMode mode)
    {
        var r = await SourceHarness.ReadAsync(Mode(mode), File, Table);

        Assert.Equal(Table, r.Schema);
        Assert.Equal(1L, r.Value(0, "id"));
        Assert.Equal("ann@x", r.Rescued(0)!.Value.GetProperty("email").GetString());
        Assert.Null(r.Rescued(1));
    }

    [Fact]
    public async Task FailOnNewColumns_ThrowsNamingTheColumnsAndTable()
    {
        var e = await Assert.ThrowsAsync<SchemaEvolutionException>(() => SourceHarness.ReadAsync(Mode(SchemaEvolutionMode.FailOnNewColumns), File, Table));

        Assert.Equal(["email"], e.NewColumns);
        Assert.Contains("bronze table 'orders'", e.Message);
        Assert.Contains("email", e.Message);
    }

    [Fact]
    public async Task TableColumnMissingFromTheFile_IsNull()
    {
        var table = new StructType(new StructField("id", DataType.Long), new StructField("country", DataType.String));
        var r = await SourceHarness.ReadAsync(Mode(SchemaEvolutionMode.Rescue), "id\n7\n", table);

        Assert.Equal(new object?[] { 7L, null, null }, r.Rows[0]);
    }

    [Fact]
    public async Task TableTypeWins_OverTheInferredType()
    {
        var table = new StructType(new StructField("code", DataType.String));
        var r = await SourceHarness.ReadAsync(Mode(SchemaEvolutionMode.Rescue), "code\n123\n", table);

        Assert.Equal("123", r.Value(0, "code"));
    }

    [Fact]
    public async Task HintForAColumnTheFileLacks_AddsIt()
    {
        var source = SourceHarness.Csv(s => s with { SchemaHints = [new SchemaHint("discount", new DecimalType(5, 2), default)] });
        var r = await SourceHarness.ReadAsync(source, "id\n1\n");

        Assert.Equal(new DecimalType(5, 2), r.Schema["discount"].Type);
        Assert.Null(r.Value(0, "discount"));
    }
}
