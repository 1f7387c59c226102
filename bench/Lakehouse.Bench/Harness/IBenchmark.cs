using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Harness;

/// <summary>
/// One named benchmark. Each side runs once per child process (so peak memory is that run's alone);
/// the runner repeats it <c>--runs</c> times and reports median, min and max.
/// </summary>
internal interface IBenchmark
{
    /// <summary>Name used on the command line, e.g. <c>csv-to-parquet</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>False while only the DuckDB side exists (a baseline waiting for our implementation).</summary>
    bool HasOurSide { get; }

    bool HasDuckDbSide { get; }

    /// <summary>Prepares shared input (generated data is cached under .bench/data); runs in the parent, untimed.</summary>
    Task PrepareAsync(BenchContext context, CancellationToken cancellationToken);

    /// <summary>Runs our implementation once and reports what it did.</summary>
    Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken);

    /// <summary>Runs the same job in DuckDB once (through the interop harness); the elapsed time is DuckDB's own.</summary>
    Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken);
}
