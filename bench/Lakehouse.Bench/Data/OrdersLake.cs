using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms;

namespace Lakehouse.Bench.Data;

/// <summary>
/// A filesystem lake for the transform benchmarks: pipeline <c>bench</c> with a silver table <c>orders</c>
/// (order_id 0..N-1, customer_id, status, amount, seq) written directly as Delta, and a bronze table whose data are
/// update rows for a merge. Cached under .bench/data by row count.
/// </summary>
internal static class OrdersLake
{
    public const int BatchRows = 1_000_000;

    public static readonly StructType Schema = new(
        new StructField("order_id", DataType.Long),
        new StructField("customer_id", DataType.Long),
        new StructField("status", DataType.String),
        new StructField("amount", DataType.Double),
        new StructField("seq", DataType.Long));

    public const string Yaml = """
        version: 1
        pipeline: bench
        workspace: ws-bench
        owner: {id: bench}
        sources:
          - {name: orders, path: bench/orders/, format: csv, table: orders_bronze}
        silver:
          - name: orders
            from: orders_bronze
            mode: merge
            merge: {keys: [order_id], sequenceBy: seq}
        gold:
          - name: status_customers
            from: [orders]
            groupBy: [status, customer_id]
            aggregations:
              - orders: count(*)
              - revenue: sum(amount)
              - smallest: min(amount)
              - largest: max(amount)
              - average: avg(amount)
            mode: overwrite
          - name: status_customer_sums
            from: [orders]
            groupBy: [status, customer_id]
            aggregations:
              - orders: count(*)
              - revenue: sum(amount)
              - smallest: min(amount)
              - largest: max(amount)
            mode: merge
        """;

    private static readonly string[] Statuses = ["placed", "shipped", "delivered", "cancelled", "returned"];

    public static PipelineDefinition Pipeline => PipelineDefinitionParser.Parse(Yaml, "bench.yaml");

    public static LakehouseRuntime Runtime(string root) => LakehouseRuntime.ForStore(new FileSystemObjectStore(root));

    /// <summary>Writes silver (rows base rows, seq 1, watermark = bronze version 0) and bronze (updates rows, seq 2) unless cached.</summary>
    public static async Task EnsureAsync(string root, long rows, long updates, CancellationToken ct)
    {
        var marker = Path.Combine(root, "_ready");
        if (File.Exists(marker))
        {
            return;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, true);
        }

        Directory.CreateDirectory(root);
        var runtime = Runtime(root);
        var bronze = runtime.Table("bench", MedallionLayer.Bronze, "orders_bronze");
        await DeltaTable.CreateAsync(bronze.Store, bronze.TableRoot, Schema, new CreateTableOptions(), bronze.LogStore, cancellationToken: ct);
        var silver = runtime.Table("bench", MedallionLayer.Silver, "orders");
        var tx = silver.StartCreateTransaction(Schema, new CreateTableOptions());
        tx.SetTransaction(Watermarks.AppId("bench", "orders", "orders_bronze"), 0);
        for (long start = 0; start < rows; start += BatchRows)
        {
            await tx.WriteAsync(Generate(start, Math.Min(rows, start + BatchRows), i => i, 1), null, ct);
        }

        await tx.CommitAsync(ct);
        if (updates > 0)
        {
            // Update keys spread over the whole key range (every silver file is touched): key = i * (rows / updates) + 7.
            var stride = Math.Max(1, rows / updates);
            var up = bronze.StartTransaction(await bronze.GetSnapshotAsync(null, ct));
            for (long start = 0; start < updates; start += BatchRows)
            {
                await up.WriteAsync(Generate(start, Math.Min(updates, start + BatchRows), i => (i * stride + 7) % rows, 2), null, ct);
            }

            await up.CommitAsync(ct);
        }

        await File.WriteAllTextAsync(marker, "ok", ct);
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    /// <summary>Orders with ids [start, end) and sequence <paramref name="seq"/> (new ids: appended rows).</summary>
    public static RecordBatch NewOrders(long start, long end, long seq) => Generate(start, end, i => i, seq);

    private static RecordBatch Generate(long start, long end, Func<long, long> key, long seq)
    {
        var count = (int)(end - start);
        var ids = new Int64Vector(DataType.Long, count);
        var customers = new Int64Vector(DataType.Long, count);
        var status = new BinaryVector(DataType.String, count, count * 10);
        var amount = new DoubleVector(count);
        var seqs = new Int64Vector(DataType.Long, count);
        for (var i = start; i < end; i++)
        {
            var k = key(i);
            ids.Append(k);
            customers.Append(k % 10_007);
            status.Append(System.Text.Encoding.UTF8.GetBytes(Statuses[(int)((k + seq) % Statuses.Length)]));
            amount.Append((k % 100_000) * 0.01 + seq);
            seqs.Append(seq);
        }

        return new RecordBatch(Schema, [ids, customers, status, amount, seqs]);
    }
}
