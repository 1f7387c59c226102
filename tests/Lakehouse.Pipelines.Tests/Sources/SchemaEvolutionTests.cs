using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class SchemaEvolutionTests
{
    private static readonly StructType Table = new(new StructField("id", DataType.Long, Nullable: false), new StructField("name", DataType.String));
    private static readonly StructType FileWithNew = new(new StructField("name", DataType.String), new StructField("id", DataType.String), new StructField("email", DataType.String, Nullable: false));

    [Fact]
    public void Apply_NewTable_TakesTheFileSchemaAsNullable()
    {
        var result = SchemaEvolution.Apply(null, FileWithNew, SchemaEvolutionMode.FailOnNewColumns);

        Assert.True(result.SchemaChanged);
        Assert.All(result.Schema!.Fields, f => Assert.True(f.Nullable));
        Assert.Equal(["name", "id", "email"], result.Schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Apply_AddNewColumns_AppendsNullableColumnsAndKeepsTableTypesAndOrder()
    {
        var result = SchemaEvolution.Apply(Table, FileWithNew, SchemaEvolutionMode.AddNewColumns);

        Assert.True(result.SchemaChanged);
        Assert.Equal(["email"], result.NewColumns);
        Assert.Equal(
            new StructType(new StructField("id", DataType.Long, Nullable: false), new StructField("name", DataType.String), new StructField("email", DataType.String)),
            result.Schema);
    }

    [Theory]
    [InlineData(SchemaEvolutionMode.Rescue)]
    [InlineData(SchemaEvolutionMode.None)]
    public void Apply_RescueAndNone_KeepTheTableSchemaAndListColumnsToRescue(SchemaEvolutionMode mode)
    {
        var result = SchemaEvolution.Apply(Table, FileWithNew, mode);

        Assert.False(result.SchemaChanged);
        Assert.Same(Table, result.Schema);
        Assert.Equal(["email"], result.RescuedColumns);
    }

    [Fact]
    public void Apply_FailOnNewColumns_FailsNamingTheColumnsAndWhatToDo()
    {
        var result = SchemaEvolution.Apply(Table, FileWithNew, SchemaEvolutionMode.FailOnNewColumns);

        Assert.False(result.Succeeded);
        Assert.Equal(["email"], result.NewColumns);
        Assert.Contains("email", result.FailureMessage);
        Assert.Contains("set schemaEvolution to addNewColumns", result.FailureMessage);
    }

    [Fact]
    public void Apply_FailOnNewColumns_WithoutNewColumns_Succeeds()
    {
        var result = SchemaEvolution.Apply(Table, new StructType(new StructField("ID", DataType.Long)), SchemaEvolutionMode.FailOnNewColumns);

        Assert.True(result.Succeeded);
        Assert.False(result.SchemaChanged);
        Assert.Empty(result.NewColumns);
    }

    [Fact]
    public void Apply_AddNewColumns_EvolvesStructsInsideArrays()
    {
        var table = new StructType(new StructField("items", new ArrayType(new StructType(new StructField("sku", DataType.String)))));
        var file = new StructType(new StructField("items", new ArrayType(new StructType(new StructField("sku", DataType.String), new StructField("qty", DataType.Long)))));

        var result = SchemaEvolution.Apply(table, file, SchemaEvolutionMode.AddNewColumns);

        Assert.Equal(["items.qty"], result.NewColumns);
        Assert.Equal(file, result.Schema);
    }
}
