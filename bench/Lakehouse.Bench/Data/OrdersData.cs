using System.Text;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Bench.Data;

/// <summary>
/// Deterministic in-memory orders (row i's values are formulas of i), generated identically as
/// <see cref="RecordBatch"/>es for our side and as a DuckDB table for the DuckDB side, so both sides see the same data.
/// Columns: id bigint, customer_id bigint (100,000 distinct), region string (5), status string ('open' for 1/3),
/// quantity int (1..7), amount double (0..199.99), price decimal(10,2) (= amount).
/// </summary>
internal static class OrdersData
{
    public static readonly StructType Schema = new(
        new StructField("id", DataType.Long),
        new StructField("customer_id", DataType.Long),
        new StructField("region", DataType.String),
        new StructField("status", DataType.String),
        new StructField("quantity", DataType.Integer),
        new StructField("amount", DataType.Double),
        new StructField("price", new DecimalType(10, 2)));

    private static readonly byte[][] Regions = ["north"u8.ToArray(), "south"u8.ToArray(), "east"u8.ToArray(), "west"u8.ToArray(), "central"u8.ToArray()];

    public static List<RecordBatch> Generate(long rows, int batchSize)
    {
        var batches = new List<RecordBatch>();
        for (long start = 0; start < rows; start += batchSize)
        {
            var count = (int)Math.Min(batchSize, rows - start);
            var id = new Int64Vector(DataType.Long, count);
            var customer = new Int64Vector(DataType.Long, count);
            var region = new BinaryVector(DataType.String, count, count * 6);
            var status = new BinaryVector(DataType.String, count, count * 6);
            var quantity = new Int32Vector(DataType.Integer, count);
            var amount = new DoubleVector(count);
            var price = new DecimalVector(new DecimalType(10, 2), count);
            for (var k = 0; k < count; k++)
            {
                var i = start + k;
                var cents = (i * 7919) % 20000;
                id.Append(i);
                customer.Append((i * 2654435761L) % 100000);
                region.Append(Regions[i % 5]);
                status.Append(i % 3 == 0 ? "open"u8 : "closed"u8);
                quantity.Append((int)(i % 7) + 1);
                amount.Append(cents / 100.0);
                price.Append(cents);
            }

            batches.Add(new RecordBatch(Schema, [id, customer, region, status, quantity, amount, price]));
        }

        return batches;
    }

    /// <summary>SQL that creates the same rows as table <c>orders</c> in DuckDB.</summary>
    public static string DuckDbCreateTable(long rows) => new StringBuilder()
        .Append("CREATE OR REPLACE TABLE orders AS SELECT i AS id, (i * 2654435761) % 100000 AS customer_id, ")
        .Append("(['north','south','east','west','central'])[(i % 5) + 1] AS region, ")
        .Append("CASE WHEN i % 3 = 0 THEN 'open' ELSE 'closed' END AS status, ")
        .Append("CAST((i % 7) + 1 AS INTEGER) AS quantity, CAST((i * 7919) % 20000 AS DOUBLE) / 100 AS amount, ")
        .Append("CAST(CAST((i * 7919) % 20000 AS DOUBLE) / 100 AS DECIMAL(10,2)) AS price ")
        .Append(System.Globalization.CultureInfo.InvariantCulture, $"FROM range({rows}) t(i)")
        .ToString();
}
