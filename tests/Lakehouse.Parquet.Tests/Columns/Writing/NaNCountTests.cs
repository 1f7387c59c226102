using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests.Columns.Writing;

/// <summary><see cref="ColumnStatistics.NaNCount"/>: NaNs of FLOAT/DOUBLE leaves are counted, never part of min/max.</summary>
public sealed class NaNCountTests
{
    private static readonly StructType Schema = new(
        new StructField("d", DataType.Double),
        new StructField("f", DataType.Float),
        new StructField("nan_only", DataType.Double),
        new StructField("inf_and_nan", DataType.Double),
        new StructField("l", DataType.Long));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(10_000)]
    public async Task WriteResult_CountsNaNs_AndMinMaxIgnoreThem(int rows)
    {
        var data = Enumerable.Range(0, rows).Select(i => new object?[]
        {
            i % 3 == 0 ? double.NaN : i % 11 == 1 ? null : i == rows - 1 ? double.NegativeInfinity : i * 0.5,
            i % 2 == 0 ? float.NaN : (float)-i,
            i % 5 == 0 ? null : double.NaN,
            i % 2 == 0 ? double.NaN : double.PositiveInfinity,
            (long)i,
        }).ToArray();
        using var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, Schema, new ParquetWriterOptions { PageSize = 4096 });
        writer.Write(TestFiles.Batch(Schema, data));

        var stats = writer.Close().Columns;

        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(data.Count(r => r[c] is double.NaN or float.NaN), stats[c].NaNCount);
            Assert.Equal(FlatTableExtreme(data, c, max: false), stats[c].Min);
            Assert.Equal(FlatTableExtreme(data, c, max: true), stats[c].Max);
        }

        Assert.Null(stats[2].Min);
        Assert.Null(stats[2].Max);
        Assert.Equal(0, stats[4].NaNCount);
        if (rows > 1)
        {
            Assert.Equal(double.PositiveInfinity, stats[3].Min);
        }

        var read = await TestFiles.ReadRowsAsync(stream.ToArray());
        Assert.True(data.Zip(read).All(p => p.First.Zip(p.Second).All(v => TestFiles.DeepEquals(v.First, v.Second))));
    }

    [Fact]
    public void WriteResult_CountsNaNsOfConstantRanges()
    {
        var schema = new StructType(new StructField("d", DataType.Double, false));
        var vector = new DoubleVector(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            vector.Append(i < 9_000 ? double.NaN : 2.5);
        }

        using var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, schema);
        writer.Write(new RecordBatch(schema, [vector]));

        var stats = writer.Close().Columns[0];

        Assert.Equal(9_000, stats.NaNCount);
        Assert.Equal(2.5, stats.Min);
        Assert.Equal(2.5, stats.Max);
    }

    [Fact]
    public async Task NegativeAndPositiveZero_InConstantRanges_KeepTheirSign()
    {
        var schema = new StructType(new StructField("d", DataType.Double, false), new StructField("f", DataType.Float, false));
        var d = new DoubleVector(10_000);
        var f = new FloatVector(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            d.Append(i < 5_000 ? -0.0 : 0.0);
            f.Append(i < 5_000 ? 0f : -0f);
        }

        var file = TestFiles.Write(new RecordBatch(schema, [d, f]));

        var read = await TestFiles.ReadRowsAsync(file);

        Assert.True(double.IsNegative((double)read[0][0]!));
        Assert.False(double.IsNegative((double)read[^1][0]!));
        Assert.False(float.IsNegative((float)read[0][1]!));
        Assert.True(float.IsNegative((float)read[^1][1]!));
    }

    private static object? FlatTableExtreme(object?[][] rows, int column, bool max) => FlatTable.Extreme(rows, column, max);
}
