using System.Diagnostics;
using Lakehouse.Bench.Data;
using Lakehouse.Bench.Harness;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// A silver filter over in-memory orders: <c>amount * 1.1 &gt; 100 AND status = 'open'</c> (<c>--opt expr=...</c> for
/// another; <c>price</c> is the decimal(10,2) twin of the double <c>amount</c>) evaluated to a row selection, one batch
/// at a time on one thread per share of the batches. Extra figures: values/s (rows × columns read) and rows kept.
/// DuckDB side: count(*) with the same WHERE over the same rows.
/// </summary>
internal sealed class ExpressionFilterBenchmark : IBenchmark
{
    public string Name => "expression-filter";

    public string Description => "Vectorized evaluation of a filter expression over N in-memory orders (rows/s)";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => true;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Expression(BenchContext context) => context.Option("expr", "amount * 1.1 > 100 AND status = 'open'");

    public Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var batches = OrdersData.Generate(context.Rows, int.Parse(context.Option("batch", "65536"), System.Globalization.CultureInfo.InvariantCulture));
        var evaluation = EvaluationContext.Create(TimeProvider.System);
        var filter = RowFilter.Compile(Expression(context), OrdersData.Schema);
        var threads = Math.Max(1, context.Threads);
        var kept = new long[threads];

        var started = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
        {
            for (var b = t; b < batches.Count; b += threads)
            {
                kept[t] += filter.Select(batches[b], evaluation).Length;
            }
        });

        var elapsed = started.Elapsed;
        return Task.FromResult(new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double>
        {
            ["kept"] = kept.Sum(),
            ["values/s"] = context.Rows * 2 / elapsed.TotalSeconds,
        }));
    }

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        await duckDb.ExecuteDuckDbAsync(OrdersData.DuckDbCreateTable(context.Rows));
        var elapsed = await duckDb.ExecuteDuckDbAsync($"CREATE OR REPLACE TEMP TABLE result AS SELECT count(*) AS n FROM orders WHERE {Expression(context)}");
        var kept = await duckDb.QueryDuckDbAsync("SELECT n FROM result");
        return new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double>
        {
            ["kept"] = double.Parse(kept[0, "n"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture),
            ["values/s"] = context.Rows * 2 / elapsed.TotalSeconds,
        });
    }
}
