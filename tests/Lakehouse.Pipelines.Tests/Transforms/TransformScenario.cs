using System.Globalization;
using System.Text.Json.Nodes;
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.EventLog;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms;

namespace Lakehouse.Pipelines.Tests.Transforms;

/// <summary>
/// A pipeline over an in-memory lake: bronze tables are written directly with Delta appends (as ingestion would),
/// steps run through <see cref="TransformStep"/>, and tables are read back as sorted text rows for exact assertions.
/// </summary>
internal sealed class TransformScenario
{
    public static readonly DateTime BaseTime = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly StructType OrderSchema = new(
        new StructField("order_id", DataType.Long),
        new StructField("customer_id", DataType.Long),
        new StructField("status", DataType.String),
        new StructField("amount", new DecimalType(12, 2)),
        new StructField("ordered_at", DataType.Timestamp));

    /// <param name="yaml">The pipeline definition.</param>
    /// <param name="time">Clock of the lake (object modification times, hence snapshot timestamps) and of the runtime.</param>
    /// <param name="wrap">Decorates the lake store the runtime uses (fault injection); tests still read <see cref="Store"/> directly.</param>
    public TransformScenario(string yaml, TimeProvider? time = null, Func<IObjectStore, IObjectStore>? wrap = null)
        : this(PipelineDefinitionParser.Parse(yaml, "pipeline.yaml"), time, wrap)
    {
    }

    public TransformScenario(PipelineDefinition pipeline, TimeProvider? time = null, Func<IObjectStore, IObjectStore>? wrap = null)
    {
        Pipeline = pipeline;
        Store = new InMemoryObjectStore(time);
        Runtime = LakehouseRuntime.ForStore(wrap?.Invoke(Store) ?? Store, time);
        Step = new TransformStep(Runtime, Pipeline);
    }

    public InMemoryObjectStore Store { get; }

    public LakehouseRuntime Runtime { get; }

    public PipelineDefinition Pipeline { get; }

    public TransformStep Step { get; }

    public static DateTime T(int minutes) => BaseTime.AddMinutes(minutes);

    public DeltaTable Table(MedallionLayer layer, string name) => Runtime.Table(Pipeline.Name, layer, name);

    /// <summary>Appends rows to a bronze table in one commit (creating it first); extra columns widen the schema.</summary>
    public async Task<long> AppendBronzeAsync(string table, StructType schema, params object?[][] rows)
    {
        var delta = Table(MedallionLayer.Bronze, table);
        if (!await delta.ExistsAsync())
        {
            await DeltaTable.CreateAsync(delta.Store, delta.TableRoot, schema, new CreateTableOptions(), delta.LogStore);
        }

        var columns = schema.Fields.Select(f => ColumnVector.Create(f.Type, rows.Length)).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].AppendValue(row[c]);
            }
        }

        var result = await delta.AppendAsync(new RecordBatch(schema, columns), new WriteOptions { MergeSchema = true });
        return result.Version;
    }

    public Task<JsonObject> RunAsync(string layer, string table, string runId = "run-1") =>
        Step.RunAsync(new TransformRequest(Pipeline.Name, layer, table, runId));

    /// <summary>The table's rows as "v1|v2|..." in <paramref name="columns"/> order, sorted ordinally.</summary>
    public async Task<List<string>> RowsAsync(MedallionLayer layer, string table, params string[] columns)
    {
        var rows = new List<string>();
        await foreach (var batch in Table(layer, table).ReadAsync((long?)null))
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(string.Join("|", columns.Select(c => Format(batch.Schema.IndexOf(c) < 0 ? "<missing>" : batch.Column(c).GetValue(r)))));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public Task<IReadOnlyList<PipelineEvent>> EventsAsync() => new PipelineEventLog(Runtime, Pipeline.Name).ReadAsync();

    private static string Format(object? value) => value switch
    {
        null => "null",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => "t" + ((dt - BaseTime).TotalMinutes).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
