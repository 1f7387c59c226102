using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests;

public sealed class ColumnStatisticsTests
{
    private static readonly StructType Schema = new(
        new StructField("d38", new DecimalType(38, 2)),
        new StructField("d9", new DecimalType(9, 1)),
        new StructField("ts", DataType.Timestamp),
        new StructField("st", new StructType(new StructField("s", DataType.String))),
        new StructField("tags", new ArrayType(DataType.Long)),
        new StructField("f", DataType.Float));

    private static RecordBatch Rows() => TestFiles.Batch(Schema,
        [new DecimalValue(-500, 2), new DecimalValue(7, 1), new DateTime(1960, 1, 1, 0, 0, 0, DateTimeKind.Utc), new object?[] { "zz" }, new List<object?> { 5L }, float.NaN],
        [new DecimalValue(300, 2), new DecimalValue(-7, 1), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), new object?[] { "\u00e9" }, null, 2.5f],
        [null, null, null, null, new List<object?>(), -1f]);

    [Fact]
    public void WriteResult_OrdersDecimalsNumericallyAndStringsByUtf8Bytes()
    {
        using var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, Schema);
        writer.Write(Rows());

        var stats = writer.Close().Columns;

        Assert.Equal(new DecimalValue(-500, 2), stats[0].Min);
        Assert.Equal(new DecimalValue(300, 2), stats[0].Max);
        Assert.Equal(1, stats[0].NullCount);
        Assert.Equal(new DecimalValue(-7, 1), stats[1].Min);
        Assert.Equal(new DateTime(1960, 1, 1, 0, 0, 0, DateTimeKind.Utc), stats[2].Min);
        Assert.Equal(["st", "s"], stats[3].Path);
        Assert.Equal("zz", stats[3].Min);
        Assert.Equal("\u00e9", stats[3].Max);
        Assert.Equal(["tags", "list", "element"], stats[4].Path);
        Assert.Null(stats[4].Min);
        Assert.Equal(-1f, stats[5].Min);
        Assert.Equal(2.5f, stats[5].Max);
    }

    [Fact]
    public async Task Reader_ExposesTheSameStatisticsPerRowGroup()
    {
        var file = TestFiles.Write(Rows());
        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file));

        var stats = reader.RowGroups[0].Columns;

        Assert.Equal(new DecimalValue(-500, 2), stats[0].Min);
        Assert.Equal(new DecimalValue(300, 2), stats[0].Max);
        Assert.Equal(new DecimalValue(7, 1), stats[1].Max);
        Assert.Equal(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), stats[2].Max);
        Assert.Equal("\u00e9", stats[3].Max);
        Assert.Equal(1, stats[3].NullCount);
        Assert.Equal(-1f, stats[5].Min);
        Assert.Equal(3, stats[5].ValueCount);
    }
}
