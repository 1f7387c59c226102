using Lakehouse.Delta;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Lake;

namespace Lakehouse.Pipelines.EventLog;

/// <summary>
/// Appends to and reads a pipeline's event log. Every append is a blind append (adds only, no reads, no metadata
/// change), which Delta's conflict checker never rejects, so concurrent steps log without retrying each other out.
/// The table is created on first use (a concurrent creator winning is fine).
/// </summary>
public sealed class PipelineEventLog
{
    private static readonly StructType EventSchema = new(
        new StructField("timestamp", DataType.Timestamp, false),
        new StructField("run_id", DataType.String, false),
        new StructField("pipeline", DataType.String, false),
        new StructField("table", DataType.String),
        new StructField("layer", DataType.String),
        new StructField("event_type", DataType.String, false),
        new StructField("status", DataType.String),
        new StructField("rows_read", DataType.Long),
        new StructField("rows_written", DataType.Long),
        new StructField("rows_dropped", DataType.Long),
        new StructField("expectation", DataType.String),
        new StructField("expectation_action", DataType.String),
        new StructField("passed", DataType.Long),
        new StructField("failed", DataType.Long),
        new StructField("duration_ms", DataType.Long),
        new StructField("error", DataType.String),
        new StructField("details", DataType.String));

    private readonly LakehouseRuntime _runtime;
    private readonly string _pipeline;

    public PipelineEventLog(LakehouseRuntime runtime, string pipeline)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        _runtime = runtime;
        _pipeline = pipeline;
    }

    /// <summary>The event log's columns.</summary>
    public static StructType Schema => EventSchema;

    /// <summary>Appends <paramref name="events"/> in one blind-append commit.</summary>
    public async Task AppendAsync(IReadOnlyList<PipelineEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var table = _runtime.Table(_runtime.Layout.EventLog(_pipeline));
        await DeltaTable.CreateAsync(table.Store, table.TableRoot, EventSchema, new CreateTableOptions { IfNotExists = true, Name = $"{_pipeline} event log" },
            table.LogStore, _runtime.Time, _runtime.CommitOptions, cancellationToken).ConfigureAwait(false);
        var columns = EventSchema.Fields.Select(f => ColumnVector.Create(f.Type, events.Count)).ToArray();
        foreach (var e in events)
        {
            object?[] values =
            [
                e.Timestamp.UtcDateTime, e.RunId, e.Pipeline, e.Table, e.Layer, e.EventType, e.Status, e.RowsRead, e.RowsWritten, e.RowsDropped,
                e.Expectation, e.ExpectationAction, e.Passed, e.Failed, e.DurationMs, e.Error, e.Details,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                columns[i].AppendValue(values[i]);
            }
        }

        await table.AppendAsync(new RecordBatch(EventSchema, columns), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every event logged so far (empty when the log does not exist yet), in commit order.</summary>
    public async Task<IReadOnlyList<PipelineEvent>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var table = _runtime.Table(_runtime.Layout.EventLog(_pipeline));
        var events = new List<PipelineEvent>();
        if (!await table.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return events;
        }

        await foreach (var batch in table.ReadAsync((long?)null, null, cancellationToken).ConfigureAwait(false))
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                string? S(string c) => (string?)batch.Column(c).GetValue(r);
                long? L(string c) => (long?)batch.Column(c).GetValue(r);
                events.Add(new PipelineEvent(
                    new DateTimeOffset((DateTime)batch.Column("timestamp").GetValue(r)!, TimeSpan.Zero), S("run_id")!, S("pipeline")!, S("table"), S("layer"), S("event_type")!,
                    S("status"), L("rows_read"), L("rows_written"), L("rows_dropped"), S("expectation"), S("expectation_action"), L("passed"), L("failed"),
                    L("duration_ms"), S("error"), S("details")));
            }
        }

        return events.OrderBy(e => e.Timestamp).ToList();
    }
}
