using System.Diagnostics;
using Lakehouse.Bench.Data;
using Lakehouse.Bench.Harness;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// A gold aggregation over in-memory orders: GROUP BY customer_id (100,000 groups; <c>--opt key=region</c> for 5
/// string groups, <c>key=region,status</c> for two keys) with count(*), sum(price) (decimal), sum(quantity),
/// avg(amount), max(amount). Our side: one <see cref="HashAggregator"/> per thread over a share of the batches,
/// merged at the end. DuckDB side: the same GROUP BY over the same rows in a DuckDB table. Data generation is untimed.
/// </summary>
internal sealed class GoldGroupByBenchmark : IBenchmark
{
    public string Name => "gold-groupby";

    public string Description => "Hash GROUP BY over N in-memory orders with count/sum/avg/max (rows/s)";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => true;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    private static string[] Keys(BenchContext context) => context.Option("key", "customer_id").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static readonly (string Name, string Text)[] Aggregates =
    [
        ("orders", "count(*)"), ("revenue", "sum(price)"), ("units", "sum(quantity)"), ("avg_amount", "avg(amount)"), ("max_amount", "max(amount)"),
    ];

    public Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var batches = OrdersData.Generate(context.Rows, int.Parse(context.Option("batch", "65536"), System.Globalization.CultureInfo.InvariantCulture));
        var evaluation = EvaluationContext.Create(TimeProvider.System);
        var keys = Keys(context).Select(k => GroupKey.Column(k)).ToArray();
        var specs = Aggregates.Select(a => AggregateSpec.Parse(a.Name, a.Text)).ToArray();
        var threads = Math.Max(1, context.Threads);

        var started = Stopwatch.StartNew();
        var partials = new HashAggregator[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
        {
            var aggregator = HashAggregator.Create(OrdersData.Schema, keys, specs);
            for (var b = t; b < batches.Count; b += threads)
            {
                aggregator.Add(batches[b], evaluation);
            }

            partials[t] = aggregator;
        });

        for (var t = 1; t < threads; t++)
        {
            partials[0].Merge(partials[t]);
        }

        var result = partials[0].Finish();
        var elapsed = started.Elapsed;
        return Task.FromResult(new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double> { ["groups"] = result.RowCount }));
    }

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        await duckDb.ExecuteDuckDbAsync(OrdersData.DuckDbCreateTable(context.Rows));
        var keys = string.Join(", ", Keys(context));
        var aggregates = string.Join(", ", Aggregates.Select(a => $"{a.Text} AS {a.Name}"));
        var elapsed = await duckDb.ExecuteDuckDbAsync($"CREATE OR REPLACE TEMP TABLE result AS SELECT {keys}, {aggregates} FROM orders GROUP BY {keys}");
        var groups = await duckDb.QueryDuckDbAsync("SELECT count(*) AS n FROM result");
        return new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double> { ["groups"] = double.Parse(groups[0, "n"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) });
    }
}
