using Lakehouse.Bench.Benchmarks;

namespace Lakehouse.Bench.Harness;

/// <summary>Every benchmark, by name. Add new ones here.</summary>
internal static class BenchmarkRegistry
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new CsvToParquetBenchmark(),
        new ParquetWriteReadBenchmark(),
        new CsvParseBenchmark(),
        new LogStoreCommitBenchmark(),
        new LambdaColdStartBenchmark(),
        new DeltaSnapshotLoadBenchmark(),
        new DeltaAppendCommitBenchmark(),
        new GoldGroupByBenchmark(),
        new ExpressionFilterBenchmark(),
        new BillingAggregateBenchmark(),
        new SilverMergeBenchmark(),
        new GoldTransformBenchmark(),
    ];

    public static IBenchmark? Find(string name) => All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
