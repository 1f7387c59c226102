using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests;

public sealed class ParquetFileWriterTests
{
    private static readonly StructType Flat = new(
        new StructField("id", DataType.Long, false),
        new StructField("name", DataType.String),
        new StructField("amount", DataType.Double),
        new StructField("day", DataType.Date),
        new StructField("flag", DataType.Boolean));

    [Theory]
    [InlineData(ParquetCompression.Snappy, true)]
    [InlineData(ParquetCompression.Snappy, false)]
    [InlineData(ParquetCompression.Gzip, true)]
    [InlineData(ParquetCompression.Uncompressed, false)]
    public async Task Write_FlatColumns_ReadsBackSameRows(ParquetCompression compression, bool dictionary)
    {
        var rows = Enumerable.Range(0, 1000).Select(i => new object?[]
        {
            (long)i - 500, i % 7 == 0 ? null : $"name-{i % 13}", i % 5 == 0 ? null : i * 1.5,
            i % 11 == 0 ? null : new DateOnly(1960, 1, 1).AddDays(i * 17), i % 3 == 0 ? null : i % 2 == 0,
        }).ToArray();
        var file = TestFiles.Write(TestFiles.Batch(Flat, rows), new ParquetWriterOptions { Compression = compression, EnableDictionary = dictionary, PageSize = 1024 });

        var read = await TestFiles.ReadRowsAsync(file);

        Assert.Equal(rows.Length, read.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(TestFiles.DeepEquals(rows[i], read[i]), $"row {i}: expected {TestFiles.Show(rows[i])}, got {TestFiles.Show(read[i])}");
        }
    }

    [Fact]
    public async Task Write_RunsOfEqualStrings_AcrossRowGroups_ReadBackWithPerGroupStatistics()
    {
        var schema = new StructType(new StructField("s", DataType.String), new StructField("d", new DecimalType(9, 2)));
        var rows = Enumerable.Range(0, 3000).Select(i => new object?[]
        {
            i % 97 == 0 ? null : i < 1500 ? "s3://landing/orders/2024-01-01.csv" : i % 500 < 250 ? "b" : "a",
            new DecimalValue(i / 1000, 2),
        }).ToArray();
        var batches = rows.Chunk(700).Select(c => TestFiles.Batch(schema, c)).ToArray();
        var file = TestFiles.Write(schema, batches, new ParquetWriterOptions { RowGroupSize = 40_000, PageSize = 512 });

        var read = await TestFiles.ReadRowsAsync(file);
        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file));

        Assert.Equal(rows.Length, read.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(TestFiles.DeepEquals(rows[i], read[i]), $"row {i}: expected {TestFiles.Show(rows[i])}, got {TestFiles.Show(read[i])}");
        }

        Assert.True(reader.RowGroups.Count > 1, $"expected several row groups, got {reader.RowGroups.Count}");
        var offset = 0L;
        foreach (var group in reader.RowGroups)
        {
            var slice = rows.Skip((int)offset).Take((int)group.RowCount).Select(r => (string?)r[0]).Where(v => v is not null).ToList();
            Assert.Equal(slice.Min(StringComparer.Ordinal), group.Columns[0].Min);
            Assert.Equal(slice.Max(StringComparer.Ordinal), group.Columns[0].Max);
            offset += group.RowCount;
        }
    }

    [Fact]
    public void Close_ReportsRowCountSizeAndStatistics()
    {
        var batch = TestFiles.Batch(Flat,
            [3L, "b", 2.5, new DateOnly(2020, 1, 2), true],
            [-7L, "a", double.NaN, null, false],
            [10L, null, -1.0, new DateOnly(1969, 12, 31), null]);
        using var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, Flat);
        writer.Write(batch);

        var result = writer.Close();

        Assert.Equal(3, result.RowCount);
        Assert.Equal(stream.Length, result.FileSize);
        Assert.Equal(["id"], result.Columns[0].Path);
        Assert.Equal(-7L, result.Columns[0].Min);
        Assert.Equal(10L, result.Columns[0].Max);
        Assert.Equal("a", result.Columns[1].Min);
        Assert.Equal("b", result.Columns[1].Max);
        Assert.Equal(1, result.Columns[1].NullCount);
        Assert.Equal(-1.0, result.Columns[2].Min);
        Assert.Equal(2.5, result.Columns[2].Max);
        Assert.Equal(new DateOnly(1969, 12, 31), result.Columns[3].Min);
        Assert.Equal(false, result.Columns[4].Min);
        Assert.Equal(true, result.Columns[4].Max);
        Assert.Equal(3, result.Columns[4].ValueCount);
        Assert.Same(result, writer.Close());
    }
}
