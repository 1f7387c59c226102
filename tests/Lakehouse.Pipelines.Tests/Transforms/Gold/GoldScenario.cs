using System.Text.Json.Nodes;
using Lakehouse.Delta;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms;
using Lakehouse.Pipelines.Transforms.Gold;

namespace Lakehouse.Pipelines.Tests.Transforms.Gold;

/// <summary>
/// Gold over a silver table that the test writes directly with Delta commits (appends, copy-on-write updates and
/// deletes, compaction), as silver merges would. Each gold table has a twin (<c>&lt;name&gt;_full</c>, same definition)
/// that a step with incremental updates disabled maintains: the reference an incremental table must equal.
/// </summary>
internal sealed class GoldScenario
{
    public static readonly StructType SalesSchema = new(
        new StructField("id", DataType.Long),
        new StructField("region", DataType.String),
        new StructField("customer", DataType.Long),
        new StructField("amount", new DecimalType(12, 2)),
        new StructField("qty", DataType.Integer));

    private const string Body = """
            from: [sales]
            filter: "qty >= 0"
            groupBy: [customer]
            aggregations:
              - rows: count(*)
              - regions: count_distinct(region)
              - total: sum(amount)
              - average: avg(amount)
              - fewest: min(qty)
              - last_region: max(region)
            mode: merge
        """;

    private const string RegionBody = """
            from: [sales]
            groupBy: [region, "qty % 3"]
            aggregations:
              - rows: count(*)
              - customers: count_distinct(customer)
              - biggest: max(amount)
              - units: sum(qty)
            mode: overwrite
        """;

    private const string FoldBody = """
            from: [sales]
            filter: "region is not null"
            groupBy: [region]
            aggregations:
              - rows: count(*)
              - priced: count(amount)
              - total: sum(amount)
              - units: sum(qty)
              - smallest: min(amount)
              - top_customer: max(customer)
            mode: merge
        """;

    public static string Yaml(string filter = "qty >= 0") => $"""
        version: 1
        pipeline: shop
        workspace: ws-1
        owner: {"{"}id: u-1{"}"}
        sources:
          - {"{"}name: sales, path: shop/sales/, format: csv, table: sales_bronze{"}"}
        silver:
          - name: sales
            from: sales_bronze
            mode: append
        gold:
          - name: by_customer
        {Body.Replace("qty >= 0", filter, StringComparison.Ordinal)}
          - name: by_customer_full
        {Body.Replace("qty >= 0", filter, StringComparison.Ordinal)}
          - name: by_region
        {RegionBody}
          - name: by_region_full
        {RegionBody}
          - name: by_region_sums
        {FoldBody}
          - name: by_region_sums_full
        {FoldBody}
        """;

    public GoldScenario(GoldIncrementalPolicy? policy = null)
    {
        Inner = new TransformScenario(Yaml());
        Incremental = new TransformStep(Inner.Runtime, Inner.Pipeline) { GoldPolicy = policy ?? GoldIncrementalPolicy.Default };
        Full = new TransformStep(Inner.Runtime, Inner.Pipeline) { GoldPolicy = new GoldIncrementalPolicy(Enabled: false) };
    }

    public TransformScenario Inner { get; }

    public TransformStep Incremental { get; set; }

    public TransformStep Full { get; }

    public DeltaTable Silver => Inner.Table(MedallionLayer.Silver, "sales");

    public DeltaTable Gold(string name) => Inner.Table(MedallionLayer.Gold, name);

    public Task<JsonObject> RunAsync(string table = "by_customer", string runId = "run-1") =>
        Incremental.RunAsync(new TransformRequest("shop", "gold", table, runId));

    /// <summary>Runs the table incrementally and its twin fully; returns the incremental step's summary.</summary>
    public async Task<JsonObject> RunBothAsync(string table = "by_customer")
    {
        var summary = await RunAsync(table);
        await Full.RunAsync(new TransformRequest("shop", "gold", table + "_full", "run-full"));
        return summary;
    }

    public Task<List<string>> RowsAsync(string table) =>
        Inner.RowsAsync(MedallionLayer.Gold, table, Inner.Pipeline.FindGold(table)!.GroupBy.Select((g, i) => g.Text.Contains(' ', StringComparison.Ordinal) ? $"key_{i + 1}" : g.Text)
            .Concat(Inner.Pipeline.FindGold(table)!.Aggregations.Select(a => a.Name)).ToArray());

    /// <summary>Appends rows (id, region, customer, amount, qty) as one file, creating the silver table first.</summary>
    public async Task<long> InsertAsync(params object?[][] rows)
    {
        if (!await Silver.ExistsAsync())
        {
            await DeltaTable.CreateAsync(Silver.Store, Silver.TableRoot, SalesSchema, new CreateTableOptions(), Silver.LogStore);
        }

        return (await Silver.AppendAsync(Batch(SalesSchema, rows))).Version;
    }

    /// <summary>
    /// Copy-on-write change, as a silver merge does it: every file holding a row that <paramref name="change"/> alters
    /// (returns another array) or deletes (returns null) is removed and rewritten with all its remaining rows.
    /// </summary>
    public async Task<long> ChangeAsync(Func<object?[], object?[]?> change)
    {
        var tx = await Silver.StartTransactionAsync();
        tx.Operation = DeltaOperation.Merge;
        foreach (var file in tx.ReadFiles(PartitionPredicate.All))
        {
            var rows = new List<object?[]>();
            var touched = false;
            await foreach (var batch in Silver.ReadFileAsync(tx.Snapshot!, file))
            {
                for (var r = 0; r < batch.RowCount; r++)
                {
                    var row = batch.GetRow(r);
                    var changed = change(row);
                    touched |= !ReferenceEquals(changed, row);
                    if (changed is not null)
                    {
                        rows.Add(changed);
                    }
                }
            }

            if (touched)
            {
                tx.RemoveFile(file);
                if (rows.Count > 0)
                {
                    await tx.WriteAsync(Batch(tx.Schema, rows.ToArray()));
                }
            }
        }

        return (await tx.CommitAsync()).Version;
    }

    /// <summary>The actions of one commit of a table.</summary>
    public async Task<IReadOnlyList<DeltaAction>> CommitActionsAsync(DeltaTable table, long version)
    {
        var bytes = await table.LogStore.ReadCommitAsync(version, CancellationToken.None);
        return ActionCodec.Parse(bytes!.Value.Span, $"version {version}");
    }

    public Task DeleteCommitFileAsync(DeltaTable table, long version) =>
        table.Store.DeleteAsync(DeltaLogPaths.CommitKey(table.TableRoot, version), CancellationToken.None);

    public static RecordBatch Batch(StructType schema, object?[][] rows)
    {
        var columns = schema.Fields.Select(f => ColumnVector.Create(f.Type, Math.Max(1, rows.Length))).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].AppendValue(c < row.Length ? row[c] : null);
            }
        }

        return new RecordBatch(schema, columns);
    }
}
