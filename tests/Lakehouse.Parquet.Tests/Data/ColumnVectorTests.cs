using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests.Data;

public sealed class ColumnVectorTests
{
    [Fact]
    public void Int64Vector_AppendWithNulls_KeepsValuesAndNullMask()
    {
        var v = new Int64Vector(DataType.Long, capacity: 1);
        for (var i = 0; i < 100; i++)
        {
            if (i % 7 == 0)
            {
                v.AppendNull();
            }
            else
            {
                v.Append(i);
            }
        }

        Assert.Equal(100, v.Count);
        Assert.Equal(15, v.NullCount);
        Assert.True(v.IsNull(0));
        Assert.False(v.IsNull(1));
        Assert.Equal(99L, v.GetValue(99));
        Assert.Null(v.GetValue(98));
    }

    [Fact]
    public void BinaryVector_StoresUtf8WithOffsets()
    {
        var v = new BinaryVector(DataType.String);
        v.Append("a");
        v.AppendNull();
        v.Append(string.Empty);
        v.Append("Zürich ✓");

        Assert.Equal([0, 1, 1, 1, 12], v.Offsets.ToArray());
        Assert.Equal("Zürich ✓", v.GetString(3));
        Assert.Null(v.GetValue(1));
        Assert.Equal(string.Empty, v.GetValue(2));
    }

    [Fact]
    public void NestedVectors_RoundTripBoxedValues()
    {
        var type = new StructType(
            new StructField("tags", new ArrayType(DataType.String)),
            new StructField("attrs", new MapType(DataType.String, DataType.Long)),
            new StructField("day", DataType.Date));
        var v = (StructVector)ColumnVector.Create(type);

        v.AppendValue(new object?[] { new List<object?> { "x", null }, new Dictionary<string, long> { ["k"] = 5 }, new DateOnly(2026, 11, 22) });
        v.AppendNull();

        var row = (object?[])v.GetValue(0)!;
        Assert.Equal(new List<object?> { "x", null }, row[0]);
        Assert.Equal(new KeyValuePair<object, object?>("k", 5L), Assert.Single((List<KeyValuePair<object, object?>>)row[1]!));
        Assert.Equal(new DateOnly(2026, 11, 22), row[2]);
        Assert.Null(v.GetValue(1));
        Assert.Equal(2, v.Children[0].Count);
    }

    [Fact]
    public void RecordBatch_RejectsColumnsOfDifferentLengths()
    {
        var schema = new StructType(new StructField("a", DataType.Long), new StructField("b", DataType.Long));
        var a = new Int64Vector(DataType.Long);
        a.Append(1);
        var b = new Int64Vector(DataType.Long);

        var ex = Assert.Throws<ArgumentException>(() => new RecordBatch(schema, [a, b]));
        Assert.Contains("'b' has 0 rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StructType_RejectsNamesEqualIgnoringCase()
    {
        var ex = Assert.Throws<ArgumentException>(() => new StructType(new StructField("Id", DataType.Long), new StructField("id", DataType.String)));
        Assert.Contains("'id'", ex.Message, StringComparison.Ordinal);
    }
}
