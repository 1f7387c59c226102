using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver.Changes;

/// <summary>
/// The incoming rows of one silver step, kept columnar: the processed source batches (filter, projection and
/// expectations applied) in the plan's projected schema, which rows matched <c>deleteWhen</c>, and the rows still
/// selected after the dedupe section, in input order (commit, file, row).
/// </summary>
internal sealed class ChangeSet
{
    public ChangeSet(StructType schema, List<RecordBatch> batches, List<bool[]?> deletes, RowRef[] rows)
    {
        Schema = schema;
        Batches = batches;
        Deletes = deletes;
        Rows = rows;
    }

    public StructType Schema { get; }

    public List<RecordBatch> Batches { get; }

    /// <summary>Per batch, the deleteWhen flags (null when no row of the batch is a delete).</summary>
    public List<bool[]?> Deletes { get; }

    public RowRef[] Rows { get; }

    public bool IsDelete(RowRef row) => Deletes[row.Batch] is { } flags && flags[row.Row];

    /// <summary>The column named <paramref name="name"/> of every batch (null where a batch lacks it).</summary>
    public ColumnVector?[] Columns(string name)
    {
        var columns = new ColumnVector?[Batches.Count];
        for (var b = 0; b < columns.Length; b++)
        {
            var index = Batches[b].Schema.IndexOf(name);
            columns[b] = index < 0 ? null : Batches[b].Columns[index];
        }

        return columns;
    }
}
