using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests.Columns.Writing;

public sealed class BooleanColumnWriterTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var rows in new[] { 1, 7, 8, 9, 31, 33, 4095, 4097, 10_001 })
        {
            foreach (var pattern in new[] { "true", "false", "random", "random-with-nulls", "null" })
            {
                data.Add(rows, pattern);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Booleans_RoundTrip_WithMinMaxAndNullCount(int rows, string pattern)
    {
        var schema = new StructType(new StructField("flag", DataType.Boolean));
        var values = Enumerable.Range(0, rows).Select(i => pattern switch
        {
            "true" => true,
            "false" => false,
            "random" => (object?)((i * 2654435761u) >> 31 == 1),
            "random-with-nulls" => i % 3 == 1 ? null : (i * 2654435761u) >> 31 == 1,
            _ => null,
        }).ToList();
        using var stream = new MemoryStream();
        var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions { PageSize = 512 });
        writer.Write(TestFiles.Batch(schema, values.Select(v => new[] { v }).ToArray()));

        var stats = writer.Close().Columns[0];
        var read = await TestFiles.ReadRowsAsync(stream.ToArray());

        Assert.Equal(values, read.Select(r => r[0]));
        Assert.Equal(values.Count(v => v is null), stats.NullCount);
        var present = values.OfType<bool>().ToList();
        Assert.Equal(present.Count == 0 ? null : present.Min(), stats.Min);
        Assert.Equal(present.Count == 0 ? null : present.Max(), stats.Max);
    }
}
