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
        new SilverMergeBenchmark(),
        new GoldGroupByBenchmark(),
    ];

    public static IBenchmark? Find(string name) => All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
}
