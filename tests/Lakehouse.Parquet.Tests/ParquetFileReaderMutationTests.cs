using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests;

/// <summary>
/// Random truncations and byte flips of small valid files: reading must either succeed with a well-formed batch or
/// fail with <see cref="ParquetFormatException"/>; never another exception, a hang, or a huge allocation.
/// </summary>
public sealed class ParquetFileReaderMutationTests
{
    public static TheoryData<string> Variants() => ["snappy-v1", "gzip-v2", "plain-nodict", "nested"];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task MutatedFile_ReadsOrThrowsParquetFormatException(string variant)
    {
        var original = Build(variant);
        var random = new Random(variant.GetHashCode(StringComparison.Ordinal) ^ 12345);
        var formatErrors = 0;
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var mutated = Mutate(original, random, iteration);
            try
            {
                await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(mutated));
                await foreach (var batch in reader.ReadAllAsync())
                {
                    for (var r = 0; r < batch.RowCount; r++)
                    {
                        batch.GetRow(r);
                    }
                }
            }
            catch (ParquetFormatException ex)
            {
                Assert.Contains("memory", ex.Message, StringComparison.Ordinal);
                formatErrors++;
            }
        }

        Assert.True(formatErrors > 200, $"only {formatErrors} of 2000 mutations were detected");
    }

    private static byte[] Mutate(byte[] original, Random random, int iteration)
    {
        if (iteration % 4 == 0)
        {
            return original.AsSpan(0, random.Next(original.Length)).ToArray();
        }

        var copy = (byte[])original.Clone();
        var flips = 1 + random.Next(4);
        for (var f = 0; f < flips; f++)
        {
            // Bias towards the footer, where lengths and offsets live.
            var index = random.Next(3) == 0 ? copy.Length - 1 - random.Next(Math.Min(copy.Length, 600)) : random.Next(copy.Length);
            copy[index] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)(copy[index] ^ (1 << random.Next(8)));
        }

        return copy;
    }

    private static byte[] Build(string variant)
    {
        if (variant == "nested")
        {
            return TestFiles.Write(TestFiles.Batch(NestedRoundTripTests.AllTypes, NestedRoundTripTests.AllTypesRows()), new ParquetWriterOptions { PageSize = 256 });
        }

        var schema = new StructType(
            new StructField("id", DataType.Long, false), new StructField("s", DataType.String), new StructField("d", DataType.Double), new StructField("b", DataType.Boolean));
        var rows = Enumerable.Range(0, 200).Select(i => new object?[] { (long)i, i % 5 == 0 ? null : "v" + (i % 17), i * 0.5, i % 3 == 0 ? null : i % 2 == 0 }).ToArray();
        var options = variant switch
        {
            "gzip-v2" => new ParquetWriterOptions { Compression = ParquetCompression.Gzip, UseDataPageV2 = true, PageSize = 512 },
            "plain-nodict" => new ParquetWriterOptions { Compression = ParquetCompression.Uncompressed, EnableDictionary = false, PageSize = 512 },
            _ => new ParquetWriterOptions { PageSize = 512 },
        };
        return TestFiles.Write(TestFiles.Batch(schema, rows), options);
    }
}
