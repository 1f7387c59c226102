using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>
/// Applies a <see cref="SilverPlan"/> to source batches: filter, projection, then expectations. An expectation passes
/// for a row when it evaluates to TRUE (NULL and FALSE fail). warn counts and keeps, drop counts and removes, fail
/// counts and keeps the first failing row as a sample; the caller throws once all batches were checked, before any commit.
/// </summary>
internal sealed class SilverBatchProcessor
{
    private readonly SilverPlan _plan;
    private readonly EvaluationContext _context;

    public SilverBatchProcessor(SilverPlan plan, EvaluationContext context)
    {
        _plan = plan;
        _context = context;
        Counts = plan.Expectations.Select(e => new ExpectationCounts(e.Definition)).ToList();
    }

    public IReadOnlyList<ExpectationCounts> Counts { get; }

    public long RowsRead { get; private set; }

    public long RowsFiltered { get; private set; }

    public long RowsDropped { get; private set; }

    public RecordBatch Process(RecordBatch batch)
    {
        RowsRead += batch.RowCount;
        if (_plan.Filter is { } filter)
        {
            var before = batch.RowCount;
            batch = filter.Apply(batch, _context);
            RowsFiltered += before - batch.RowCount;
        }

        var projected = Project(batch);
        if (_plan.Expectations.Count == 0 || projected.RowCount == 0)
        {
            return projected;
        }

        var keep = new bool[projected.RowCount];
        Array.Fill(keep, true);
        for (var e = 0; e < _plan.Expectations.Count; e++)
        {
            var (definition, predicate) = _plan.Expectations[e];
            var result = (BooleanVector)predicate.Evaluate(projected, _context);
            var counts = Counts[e];
            for (var r = 0; r < projected.RowCount; r++)
            {
                if (!result.IsNull(r) && result[r])
                {
                    counts.Passed++;
                    continue;
                }

                counts.Failed++;
                if (definition.Action == ExpectationAction.Drop)
                {
                    keep[r] = false;
                }
                else if (definition.Action == ExpectationAction.Fail && counts.SampleFailure is null)
                {
                    counts.SampleFailure = Describe(projected, r);
                }
            }
        }

        var rows = new List<int>(projected.RowCount);
        for (var r = 0; r < keep.Length; r++)
        {
            if (keep[r])
            {
                rows.Add(r);
            }
        }

        RowsDropped += projected.RowCount - rows.Count;
        return rows.Count == projected.RowCount ? projected : RecordBatchRows.Take(projected, rows.ToArray());
    }

    /// <summary>Throws for the first <c>fail</c> expectation that any row violated.</summary>
    public void ThrowIfFailed()
    {
        foreach (var c in Counts)
        {
            if (c.Definition.Action == ExpectationAction.Fail && c.Failed > 0)
            {
                throw new ExpectationFailedException(_plan.Definition.Name, c.Definition.Name, c.Definition.Expression.Text, c.Failed, c.SampleFailure ?? "(none)");
            }
        }
    }

    private RecordBatch Project(RecordBatch batch)
    {
        if (_plan.Projection is not { } projection)
        {
            return batch;
        }

        var columns = new ColumnVector[projection.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = projection[i].Expression.Evaluate(batch, _context);
        }

        return new RecordBatch(_plan.ProjectedSchema, columns);
    }

    private static string Describe(RecordBatch batch, int row)
    {
        var parts = new List<string>(batch.Schema.Fields.Count);
        for (var c = 0; c < batch.Schema.Fields.Count; c++)
        {
            var value = batch.Columns[c].GetValue(row);
            parts.Add($"{batch.Schema.Fields[c].Name}={(value is null ? "NULL" : Format(value))}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Format(object value) => value switch
    {
        DateTime dt => dt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
