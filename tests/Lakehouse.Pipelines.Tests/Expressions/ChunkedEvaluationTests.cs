using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Tests.Expressions;

/// <summary>Batches larger than one evaluation chunk (8192 rows) are evaluated slice by slice; results must not depend on it.</summary>
public class ChunkedEvaluationTests
{
    private const int Rows = 20_000;

    private static RecordBatch Large()
    {
        var schema = new StructType(new StructField("n", DataType.Long), new StructField("s", DataType.String));
        var batch = RecordBatch.CreateEmpty(schema, Rows);
        for (var i = 0; i < Rows; i++)
        {
            batch.Columns[0].AppendValue(i % 11 == 0 ? null : (long)i);
            batch.Columns[1].AppendValue(i % 13 == 0 ? null : $"v{i % 100}");
        }

        return batch;
    }

    [Fact]
    public void Evaluate_OverManyChunks_MatchesPerRowValues()
    {
        var values = Batches.EvalAll("concat(s, '-', n * 2)", Large());
        Assert.Equal(Rows, values.Length);
        for (var i = 0; i < Rows; i++)
        {
            var expected = i % 11 == 0 || i % 13 == 0 ? null : $"v{i % 100}-{i * 2}";
            Assert.Equal(expected, values[i]);
        }
    }

    [Fact]
    public void Constant_OverManyChunks_FillsEveryRow()
    {
        var values = Batches.EvalAll("'x'", Large());
        Assert.Equal(Rows, values.Length);
        Assert.All(values, v => Assert.Equal("x", v));
    }

    [Fact]
    public void RowFilter_OverManyChunks_ReturnsBatchRowIndices()
    {
        var selected = RowFilter.Compile("n % 1000 = 7 AND s IS NOT NULL", Large().Schema).Select(Large(), Batches.Context);
        var expected = Enumerable.Range(0, Rows).Where(i => i % 11 != 0 && i % 13 != 0 && i % 1000 == 7).ToArray();
        Assert.Equal(expected, selected);
    }

    [Fact]
    public void HashAggregator_OverManyChunks_CountsEveryRow()
    {
        var batch = Large();
        var aggregator = HashAggregator.Create(batch.Schema, [GroupKey.Column("s")], [AggregateSpec.Parse("rows", "count(*)"), AggregateSpec.Parse("total", "sum(n)")]);
        aggregator.Add(batch, Batches.Context);
        var result = aggregator.Finish();
        var expected = Enumerable.Range(0, Rows).GroupBy(i => i % 13 == 0 ? null : $"v{i % 100}")
            .ToDictionary(g => g.Key ?? "<null>", g => (Count: (long)g.Count(), Sum: g.Where(i => i % 11 != 0).Sum(i => (long)i)));
        Assert.Equal(expected.Count, result.RowCount);
        for (var r = 0; r < result.RowCount; r++)
        {
            var (count, sum) = expected[(string?)result.Columns[0].GetValue(r) ?? "<null>"];
            Assert.Equal(count, result.Columns[1].GetValue(r));
            Assert.Equal(sum, result.Columns[2].GetValue(r));
        }
    }
}
