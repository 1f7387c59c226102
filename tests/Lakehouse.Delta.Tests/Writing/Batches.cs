using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Writing;

internal static class Batches
{
    public static readonly StructType Orders = new(
        new StructField("id", DataType.Long, false),
        new StructField("country", DataType.String),
        new StructField("amount", new DecimalType(10, 2)),
        new StructField("day", DataType.Date),
        new StructField("ts", DataType.Timestamp));

    public static RecordBatch OrdersBatch(int start, int count, Func<int, string?>? country = null)
    {
        var batch = RecordBatch.CreateEmpty(Orders, count);
        for (var i = start; i < start + count; i++)
        {
            batch.Columns[0].AppendValue((long)i);
            batch.Columns[1].AppendValue(country is null ? (i % 2 == 0 ? "FR" : "DE") : country(i));
            batch.Columns[2].AppendValue(new DecimalValue(i * 100 + 5, 2));
            batch.Columns[3].AppendValue(new DateOnly(2024, 1, 1).AddDays(i % 3));
            batch.Columns[4].AppendValue(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(i * 10_001L));
        }

        return batch;
    }

    public static RecordBatch Of(StructType schema, params object?[][] rows)
    {
        var batch = RecordBatch.CreateEmpty(schema, rows.Length);
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                batch.Columns[c].AppendValue(row[c]);
            }
        }

        return batch;
    }

    public static async Task<List<object?[]>> ReadAllAsync(DeltaTable table, long? version = null)
    {
        var rows = new List<object?[]>();
        await foreach (var b in table.ReadAsync(version))
        {
            for (var r = 0; r < b.RowCount; r++)
            {
                rows.Add(b.GetRow(r));
            }
        }

        return rows;
    }
}
