using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Tests.Columns.Writing;

/// <summary>
/// Dictionaries that cannot pay (more than 90% distinct values once a quarter of the limit's entries were seen) are
/// given up early; low-cardinality columns keep theirs.
/// </summary>
public sealed class DictionaryGiveUpTests
{
    private const int RowCount = 20_000;

    // 64 KiB: 8192 longs fit, so the dictionary is judged after max(4096, 8192 / 4) values.
    private static readonly ParquetWriterOptions SmallDictionaries = new() { DictionaryPageSizeLimit = 64 * 1024 };

    [Fact]
    public async Task UniqueLongsAndRandomDoubles_AreWrittenWithoutDictionary_LowCardinalityColumnsKeepIt()
    {
        var rows = FlatTable.Rows(RowCount);
        var file = TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows), SmallDictionaries);

        var chunks = Footer.Read(file).RowGroups.Single().Columns.ToDictionary(c => c.MetaData!.PathInSchema[0], c => c.MetaData!);

        foreach (var unique in new[] { "id", "amount", "sparse" })
        {
            Assert.DoesNotContain(ParquetEncoding.RleDictionary, chunks[unique].Encodings);
            Assert.Null(chunks[unique].DictionaryPageOffset);
        }

        foreach (var repeated in new[] { "name", "day", "_source_file", "_ingested_at", "ratio" })
        {
            Assert.Contains(ParquetEncoding.RleDictionary, chunks[repeated].Encodings);
            Assert.NotNull(chunks[repeated].DictionaryPageOffset);
        }

        var read = await TestFiles.ReadRowsAsync(file);
        Assert.True(rows.Zip(read).All(p => p.First.Zip(p.Second).All(v => TestFiles.DeepEquals(v.First, v.Second))));
    }

    [Fact]
    public async Task GiveUpAfterDictionaryPagesWereWritten_FallsBackToPlainForLaterPages()
    {
        // 256 KiB: judged after 32768 / 4 = 8192 values; pages of ~1000 indices: dictionary pages exist by then, so
        // the chunk keeps its dictionary page and switches to PLAIN from the next page on.
        var rows = FlatTable.Rows(RowCount);
        var options = new ParquetWriterOptions { DictionaryPageSizeLimit = 256 * 1024, PageSize = 2048 };
        var file = TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows), options);

        var id = Footer.Read(file).RowGroups.Single().Columns[0].MetaData!;

        var pages = Footer.Pages(file, id);
        Assert.Equal(PageType.DictionaryPage, pages[0].Type);
        Assert.Equal(ParquetEncoding.RleDictionary, pages[1].DataPageHeader!.Encoding);
        Assert.Equal(ParquetEncoding.Plain, pages[^1].DataPageHeader!.Encoding);
        Assert.Equal(RowCount, pages.Skip(1).Sum(p => p.DataPageHeader!.NumValues));
        var read = await TestFiles.ReadRowsAsync(file, ["id", "amount"]);
        Assert.Equal(Enumerable.Range(0, RowCount).Select(i => (object?)(long)i), read.Select(r => r[0]));
        Assert.True(rows.Zip(read).All(p => TestFiles.DeepEquals(p.First[2], p.Second[1])));
    }

    [Fact]
    public async Task UniqueStrings_AreWrittenWithoutDictionary_WithExactStatistics()
    {
        var schema = new StructType(new StructField("key", DataType.String));
        var keys = Enumerable.Range(0, RowCount).Select(i => Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddSeconds(i)).ToString()).ToList();
        var batch = TestFiles.Batch(schema, keys.Select(k => new object?[] { k }).ToArray());
        using var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, schema, SmallDictionaries);
        writer.Write(batch);
        var result = writer.Close();
        var file = stream.ToArray();

        var chunk = Footer.Read(file).RowGroups.Single().Columns[0].MetaData!;

        Assert.DoesNotContain(ParquetEncoding.RleDictionary, chunk.Encodings);
        Assert.Equal(keys.Min(StringComparer.Ordinal), result.Columns[0].Min);
        Assert.Equal(keys.Max(StringComparer.Ordinal), result.Columns[0].Max);
        Assert.Equal(keys, (await TestFiles.ReadRowsAsync(file)).Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData(50_000, false)]
    [InlineData(500, true)]
    public void RandomlyDrawnStrings_KeepTheirDictionaryOnlyWhenItWouldFit(int distinct, bool dictionary)
    {
        // ~16-byte entries: about 4096 fit in 64 KiB, so the judgement comes after 4096 values; 50000 distinct
        // names drawn at random are ~96% distinct by then (the dictionary would overflow), 500 are not.
        var schema = new StructType(new StructField("name", DataType.String));
        var names = Enumerable.Range(0, RowCount).Select(i => $"customer_{(uint)(i * 2654435761u) % distinct}").ToList();
        var file = TestFiles.Write(TestFiles.Batch(schema, names.Select(n => new object?[] { n }).ToArray()), SmallDictionaries);

        var chunk = Footer.Read(file).RowGroups.Single().Columns[0].MetaData!;

        Assert.Equal(dictionary, chunk.Encodings.Contains(ParquetEncoding.RleDictionary));
    }

    [Fact]
    public void ColumnsWithFewValuesPerChunk_AreNotJudged_AndKeepTheirDictionary()
    {
        // 3000 unique ids per row group: fewer than the 4096 values the judgement waits for.
        var rows = FlatTable.Rows(6000);
        var file = TestFiles.Write(FlatTable.Schema, FlatTable.Batches(rows, 3000), SmallDictionaries with { RowGroupSize = 1 });

        var groups = Footer.Read(file).RowGroups;

        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Contains(ParquetEncoding.RleDictionary, g.Columns[0].MetaData!.Encodings));
    }
}
