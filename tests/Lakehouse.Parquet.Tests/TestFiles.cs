using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Tests;

/// <summary>Helpers to build batches from rows and to write/read files in memory.</summary>
internal static class TestFiles
{
    public static RecordBatch Batch(StructType schema, params object?[][] rows)
    {
        var batch = RecordBatch.CreateEmpty(schema, Math.Max(rows.Length, 1));
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                batch.Columns[i].AppendValue(row[i]);
            }
        }

        return new RecordBatch(schema, batch.Columns);
    }

    public static byte[] Write(StructType schema, IEnumerable<RecordBatch> batches, ParquetWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, options))
        {
            foreach (var b in batches)
            {
                writer.Write(b);
            }

            writer.Close();
        }

        return stream.ToArray();
    }

    public static byte[] Write(RecordBatch batch, ParquetWriterOptions? options = null) => Write(batch.Schema, [batch], options);

    public static async Task<List<object?[]>> ReadRowsAsync(byte[] file, IReadOnlyList<string>? columns = null)
    {
        await using var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(file));
        var rows = new List<object?[]>();
        await foreach (var batch in reader.ReadAllAsync(columns))
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(batch.GetRow(r));
            }
        }

        return rows;
    }

    /// <summary>Deep structural equality of boxed values (lists, struct arrays, byte arrays, NaN-aware).</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (byte[] x, byte[] y):
                return x.AsSpan().SequenceEqual(y);
            case (double x, double y):
                return x.Equals(y);
            case (float x, float y):
                return x.Equals(y);
            case (object?[] x, object?[] y):
                return x.Length == y.Length && x.Zip(y).All(p => DeepEquals(p.First, p.Second));
            case (List<object?> x, List<object?> y):
                return x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First, p.Second));
            case (List<KeyValuePair<object, object?>> x, List<KeyValuePair<object, object?>> y):
                return x.Count == y.Count && x.Zip(y).All(p => DeepEquals(p.First.Key, p.Second.Key) && DeepEquals(p.First.Value, p.Second.Value));
            default:
                return a.Equals(b);
        }
    }

    public static string Show(object? v) => v switch
    {
        null => "null",
        byte[] b => "0x" + Convert.ToHexString(b),
        object?[] a => "{" + string.Join(", ", a.Select(Show)) + "}",
        List<object?> l => "[" + string.Join(", ", l.Select(Show)) + "]",
        List<KeyValuePair<object, object?>> m => "map[" + string.Join(", ", m.Select(p => Show(p.Key) + ": " + Show(p.Value))) + "]",
        _ => v.ToString() ?? string.Empty,
    };
}
