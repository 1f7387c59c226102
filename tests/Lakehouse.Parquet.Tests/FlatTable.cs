using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests;

/// <summary>
/// A bronze-shaped flat table (the ingestion benchmark's columns: sequential ids, repeated names, cents amounts, dates,
/// random flags, an all-null rescued column, constant file name and ingestion time) plus null and NaN patterns that
/// cover the writer's paths: slices all present, all null, and mixed within one page.
/// </summary>
internal static class FlatTable
{
    public const string SourceFile = "s3://landing/sales/2026-11-22/part-0001.csv";

    public static readonly DateTime IngestedAt = new(2026, 11, 22, 17, 0, 0, DateTimeKind.Utc);

    public static readonly StructType Schema = new(
        new StructField("id", DataType.Long, false),
        new StructField("name", DataType.String),
        new StructField("amount", DataType.Double),
        new StructField("day", DataType.Date),
        new StructField("flag", DataType.Boolean),
        new StructField("_rescued_data", DataType.String),
        new StructField("_source_file", DataType.String),
        new StructField("_ingested_at", DataType.Timestamp),
        new StructField("sparse", DataType.Long),
        new StructField("maybe", DataType.Boolean),
        new StructField("ratio", DataType.Float));

    public static object?[] Row(int i)
    {
        var mix = Mix(i);
        return
        [
            (long)i,
            $"customer_{mix % 1000}",
            i % 997 == 5 ? double.NaN : (long)(mix % 1_000_000) / 100.0,
            new DateOnly(2020, 1, 1).AddDays((int)(mix % 50)),
            (mix & 1) == 0,
            null,
            SourceFile,
            IngestedAt,

            // All present, then all null (whole 4096-row slices), then present again, then every third row null.
            i is >= 10_000 and < 20_000 || (i >= 30_000 && i % 3 == 0) ? null : i * 3L,
            i % 5 == 0 ? null : i % 7 < 3,
            i % 4 == 0 ? float.NaN : i % 50 == 1 ? -0f : i % 100 / 8f,
        ];
    }

    public static List<object?[]> Rows(int count) => Enumerable.Range(0, count).Select(Row).ToList();

    /// <summary>The rows in batches of <paramref name="batchRows"/> (not a multiple of the writer's 4096-row slices).</summary>
    public static IEnumerable<RecordBatch> Batches(IReadOnlyList<object?[]> rows, int batchRows = 7000)
    {
        for (var start = 0; start < rows.Count; start += batchRows)
        {
            yield return TestFiles.Batch(Schema, rows.Skip(start).Take(batchRows).ToArray());
        }
    }

    /// <summary>Expected min (or max) of column <paramref name="column"/> over <paramref name="rows"/>: nulls and NaN ignored, strings by ordinal.</summary>
    public static object? Extreme(IEnumerable<object?[]> rows, int column, bool max)
    {
        var values = rows.Select(r => r[column]).Where(v => v is not null && v is not double.NaN && v is not float.NaN).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var comparer = Comparer<object?>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<object?>.Default.Compare(a, b));
        return max ? values.Max(comparer) : values.Min(comparer);
    }

    private static ulong Mix(int i)
    {
        var x = (ulong)(i + 1) * 0x9E3779B97F4A7C15UL;
        return x ^ (x >> 29);
    }
}
