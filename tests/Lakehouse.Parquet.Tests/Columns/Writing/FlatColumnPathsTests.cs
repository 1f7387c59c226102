using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests.Columns.Writing;

/// <summary>
/// Flat columns take range paths (no per-row levels or indices) when a slice is all present or all null, and per-row
/// levels otherwise; small pages and row groups mix both within pages and chunks. Values and statistics must not care.
/// </summary>
public sealed class FlatColumnPathsTests
{
    private const int RowCount = 60_000;
    private static readonly ParquetWriterOptions SmallPages = new() { PageSize = 16 * 1024, RowGroupSize = 512 * 1024 };

    [Fact]
    public async Task FlatTable_PresentNullAndMixedSlices_ReadBackUnchanged()
    {
        var rows = FlatTable.Rows(RowCount);
        var file = TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows), SmallPages);

        var read = await TestFiles.ReadRowsAsync(file);

        Assert.Equal(RowCount, read.Count);
        for (var i = 0; i < RowCount; i++)
        {
            for (var c = 0; c < FlatTable.Schema.Fields.Count; c++)
            {
                Assert.True(TestFiles.DeepEquals(rows[i][c], read[i][c]), $"row {i} column {FlatTable.Schema.Fields[c].Name}: {TestFiles.Show(rows[i][c])} != {TestFiles.Show(read[i][c])}");
            }
        }
    }

    [Fact]
    public void FlatTable_WriteResult_HasExactFileStatistics()
    {
        var rows = FlatTable.Rows(RowCount);
        using var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, FlatTable.Schema, SmallPages);
        foreach (var batch in FlatTable.Batches(rows))
        {
            writer.Write(batch);
        }

        var result = writer.Close();

        for (var c = 0; c < FlatTable.Schema.Fields.Count; c++)
        {
            var stats = result.Columns[c];
            var name = FlatTable.Schema.Fields[c].Name;
            Assert.Equal(FlatTable.Extreme(rows, c, max: false), stats.Min);
            Assert.Equal(FlatTable.Extreme(rows, c, max: true), stats.Max);
            Assert.True(rows.Count(r => r[c] is null) == stats.NullCount, $"{name} null count {stats.NullCount}");
            Assert.Equal(RowCount, stats.ValueCount);
            Assert.True(rows.Count(r => r[c] is double.NaN or float.NaN) == stats.NaNCount, $"{name} NaN count {stats.NaNCount}");
        }

        Assert.Equal(0, result.Columns[0].NaNCount);
        Assert.Equal(RowCount, result.Columns[5].NullCount);
        Assert.Null(result.Columns[5].Min);
    }

    [Fact]
    public async Task FlatTable_RowGroupStatistics_MatchTheirRows()
    {
        var rows = FlatTable.Rows(RowCount);
        var file = TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows), SmallPages);
        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file));

        Assert.True(reader.RowGroups.Count > 3, $"{reader.RowGroups.Count} row groups");
        var start = 0;
        foreach (var group in reader.RowGroups)
        {
            var groupRows = rows.Skip(start).Take((int)group.RowCount).ToList();
            for (var c = 0; c < FlatTable.Schema.Fields.Count; c++)
            {
                var stats = group.Columns[c];
                var where = $"row group {group.Index} column {FlatTable.Schema.Fields[c].Name}";
                Assert.True(Equals(FlatTable.Extreme(groupRows, c, max: false), stats.Min), $"{where} min {TestFiles.Show(stats.Min)}");
                Assert.True(Equals(FlatTable.Extreme(groupRows, c, max: true), stats.Max), $"{where} max {TestFiles.Show(stats.Max)}");
                Assert.True(groupRows.Count(r => r[c] is null) == stats.NullCount, $"{where} nulls {stats.NullCount}");
            }

            start += (int)group.RowCount;
        }

        Assert.Equal(RowCount, start);
    }

    [Fact]
    public async Task ConstantAndAllNullColumns_ReadBackUnchanged_AndCostAFewBytesPerPage()
    {
        var rows = FlatTable.Rows(RowCount);
        var file = TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows));
        var meta = Footer.Read(file);

        foreach (var column in new[] { 5, 6, 7 })
        {
            // One RLE run of definition levels and of dictionary indices per page, a one-entry dictionary.
            var chunk = meta.RowGroups[0].Columns[column].MetaData!;
            Assert.True(chunk.TotalCompressedSize < 300, $"{string.Join('.', chunk.PathInSchema)}: {chunk.TotalCompressedSize} bytes");
        }

        var read = await TestFiles.ReadRowsAsync(file, ["_rescued_data", "_source_file", "_ingested_at"]);
        Assert.All(read, r => Assert.Equal([null, FlatTable.SourceFile, FlatTable.IngestedAt], r));
    }

    [Fact]
    public void Write_NullInRequiredColumn_ThrowsNamingTheColumn()
    {
        var schema = new StructType(new StructField("id", DataType.Long, false));
        var batch = TestFiles.Batch(schema, [1L], [null], [3L]);
        using var writer = new ParquetFileWriter(new MemoryStream(), schema);

        var ex = Assert.Throws<ParquetFormatException>(() => writer.Write(batch));

        Assert.Contains("'id'", ex.Message, StringComparison.Ordinal);
    }
}
