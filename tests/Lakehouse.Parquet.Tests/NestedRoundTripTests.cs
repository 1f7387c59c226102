using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests;

public sealed class NestedRoundTripTests
{
    internal static readonly StructType AllTypes = new(
        new StructField("b", DataType.Byte),
        new StructField("s", DataType.Short),
        new StructField("i", DataType.Integer),
        new StructField("f", DataType.Float),
        new StructField("bin", DataType.Binary),
        new StructField("ts", DataType.Timestamp),
        new StructField("d9", new DecimalType(9, 2)),
        new StructField("d18", new DecimalType(18, 4)),
        new StructField("d38", new DecimalType(38, 10)),
        new StructField("st", new StructType(new StructField("x", DataType.Long), new StructField("y", DataType.String, false))),
        new StructField("tags", new ArrayType(DataType.String)),
        new StructField("props", new MapType(DataType.String, DataType.String)),
        new StructField("items", new ArrayType(new StructType(new StructField("k", DataType.Integer), new StructField("v", new ArrayType(DataType.Double))))),
        new StructField("nested", new ArrayType(new ArrayType(DataType.Long, false), true)));

    internal static object?[][] AllTypesRows() =>
    [
        [
            (sbyte)-128, (short)32767, int.MinValue, 1.5f, new byte[] { 0, 255, 7 }, new DateTime(1955, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(10),
            new DecimalValue(-999_999_999, 2), new DecimalValue(999_999_999_999_999_999, 4), new DecimalValue(Int128.Parse("-99999999999999999999999999999999999999", System.Globalization.CultureInfo.InvariantCulture), 10),
            new object?[] { 5L, "y" }, new List<object?> { "a", null, "" }, new List<KeyValuePair<object, object?>> { new("k1", "v1"), new("k2", null) },
            new List<object?> { new object?[] { 1, new List<object?> { 1.0, null } }, null, new object?[] { null, new List<object?>() } },
            new List<object?> { new List<object?> { 1L, 2L }, null, new List<object?>() },
        ],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        [
            (sbyte)127, (short)-32768, int.MaxValue, float.NaN, Array.Empty<byte>(), new DateTime(2262, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DecimalValue(0, 2), new DecimalValue(-1, 4), new DecimalValue(Int128.Parse("12345678901234567890123456789", System.Globalization.CultureInfo.InvariantCulture), 10),
            new object?[] { null, "" }, new List<object?>(), new List<KeyValuePair<object, object?>>(),
            new List<object?>(), new List<object?> { new List<object?> { long.MinValue } },
        ],
    ];

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task AllTypesAndNesting_RoundTrip(bool v2, bool dictionary)
    {
        var rows = AllTypesRows();
        var many = Enumerable.Range(0, 300).SelectMany(_ => rows).ToArray();
        var file = TestFiles.Write(TestFiles.Batch(AllTypes, many), new ParquetWriterOptions { UseDataPageV2 = v2, EnableDictionary = dictionary, PageSize = 2048 });

        var read = await TestFiles.ReadRowsAsync(file);

        Assert.Equal(many.Length, read.Count);
        for (var r = 0; r < many.Length; r++)
        {
            for (var c = 0; c < AllTypes.Fields.Count; c++)
            {
                Assert.True(TestFiles.DeepEquals(many[r][c], read[r][c]), $"row {r} column {AllTypes.Fields[c].Name}: expected {TestFiles.Show(many[r][c])}, got {TestFiles.Show(read[r][c])}");
            }
        }
    }

    [Fact]
    public async Task ReadRowGroup_WithColumnSubset_ReturnsRequestedOrder()
    {
        var file = TestFiles.Write(TestFiles.Batch(AllTypes, AllTypesRows()));
        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file));

        var batch = await reader.ReadRowGroupAsync(0, ["PROPS", "b"]);

        Assert.Equal(["props", "b"], batch.Schema.Fields.Select(f => f.Name));
        Assert.Equal(AllTypes, reader.Schema);
        Assert.Equal((sbyte)-128, batch.Columns[1].GetValue(0));
        Assert.True(TestFiles.DeepEquals(AllTypesRows()[0][11], batch.Columns[0].GetValue(0)));
    }

    [Fact]
    public async Task Write_ManyRowsWithSmallRowGroupSize_SplitsRowGroups()
    {
        var schema = new StructType(new StructField("id", DataType.Long, false), new StructField("s", DataType.String));
        var batch = RecordBatch.CreateEmpty(schema, 50_000);
        for (var i = 0; i < 50_000; i++)
        {
            ((Int64Vector)batch.Columns[0]).Append(i);
            ((BinaryVector)batch.Columns[1]).Append("value-" + i);
        }

        var file = TestFiles.Write(new RecordBatch(schema, batch.Columns), new ParquetWriterOptions { RowGroupSize = 100_000, PageSize = 8192, DictionaryPageSizeLimit = 4096 });
        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file));

        Assert.True(reader.RowGroups.Count > 3, $"expected several row groups, got {reader.RowGroups.Count}");
        Assert.Equal(50_000, reader.RowGroups.Sum(g => g.RowCount));
        long expected = 0;
        await foreach (var b in reader.ReadAllAsync())
        {
            var ids = ((Int64Vector)b.Columns[0]).Values;
            for (var i = 0; i < ids.Length; i++)
            {
                Assert.Equal(expected, ids[i]);
                Assert.Equal("value-" + expected, ((BinaryVector)b.Columns[1]).GetString(i));
                expected++;
            }
        }

        Assert.Equal(50_000, expected);
        Assert.Equal(0L, reader.RowGroups[0].Columns[0].Min);
    }
}
