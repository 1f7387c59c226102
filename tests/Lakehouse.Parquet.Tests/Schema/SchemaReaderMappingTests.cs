using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Tests.Schema;

public sealed class SchemaReaderMappingTests
{
    private static SchemaElement Group(string name, Repetition? rep, int children, ConvertedType? converted = null) =>
        new() { Name = name, RepetitionType = rep, NumChildren = children, ConvertedType = converted };

    private static SchemaElement Leaf(string name, Repetition rep, PhysicalType type, ConvertedType? converted = null) =>
        new() { Name = name, RepetitionType = rep, Type = type, ConvertedType = converted };

    [Fact]
    public void TwoLevelList_ElementIsTheRepeatedPrimitive()
    {
        var schema = SchemaReaderMapping.Build(
            [Group("root", null, 1), Group("a", Repetition.Optional, 1, ConvertedType.List), Leaf("array", Repetition.Repeated, PhysicalType.Int32)], "f");

        Assert.Equal(new ArrayType(DataType.Integer, false), schema.Type["a"].Type);
        Assert.Equal(2, schema.Leaves[0].MaxDef);
        Assert.Equal(1, schema.Leaves[0].MaxRep);
    }

    [Fact]
    public void ArrayNamedGroup_IsAStructElement()
    {
        var schema = SchemaReaderMapping.Build(
        [
            Group("root", null, 1), Group("a", Repetition.Optional, 1, ConvertedType.List), Group("array", Repetition.Repeated, 1),
            Leaf("x", Repetition.Optional, PhysicalType.ByteArray, ConvertedType.Utf8),
        ], "f");

        Assert.Equal(new ArrayType(new StructType(new StructField("x", DataType.String)), false), schema.Type["a"].Type);
    }

    [Fact]
    public void BagGroupWithOneChild_IsThreeLevelList()
    {
        var schema = SchemaReaderMapping.Build(
        [
            Group("root", null, 1), Group("a", Repetition.Optional, 1, ConvertedType.List), Group("bag", Repetition.Repeated, 1),
            Leaf("array_element", Repetition.Optional, PhysicalType.Int64),
        ], "f");

        Assert.Equal(new ArrayType(DataType.Long, true), schema.Type["a"].Type);
    }

    [Fact]
    public void RepeatedFieldWithoutAnnotation_IsRequiredList()
    {
        var schema = SchemaReaderMapping.Build([Group("root", null, 1), Leaf("r", Repetition.Repeated, PhysicalType.Double)], "f");

        Assert.Equal(new ArrayType(DataType.Double, false), schema.Type["r"].Type);
        Assert.Equal(1, schema.Leaves[0].MaxDef);
    }

    [Theory]
    [InlineData("key_value", (int)ConvertedType.Map)]
    [InlineData("map", (int)ConvertedType.MapKeyValue)]
    [InlineData("entries", -1)]
    public void MapGroups_AnyConventionalName_AreMaps(string groupName, int convertedId)
    {
        ConvertedType? converted = convertedId < 0 ? null : (ConvertedType)convertedId;
        var schema = SchemaReaderMapping.Build(
        [
            Group("root", null, 1), Group("m", Repetition.Optional, 1, converted), Group(groupName, Repetition.Repeated, 2),
            Leaf("key", Repetition.Required, PhysicalType.ByteArray, ConvertedType.Utf8), Leaf("value", Repetition.Optional, PhysicalType.ByteArray, ConvertedType.Utf8),
        ], "f");

        Assert.Equal(new MapType(DataType.String, DataType.String), schema.Type["m"].Type);
    }

    [Fact]
    public void ChildCountBeyondElements_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<ParquetFormatException>(() => SchemaReaderMapping.Build([Group("root", null, 3), Leaf("a", Repetition.Required, PhysicalType.Int32)], "s3://b/k.parquet"));
        Assert.Contains("s3://b/k.parquet", ex.Message, StringComparison.Ordinal);
    }
}
