namespace Lakehouse.Bench.Harness;

/// <summary>
/// What one run did. <paramref name="Rows"/> drives rows/s; <paramref name="PeakMemoryBytes"/> is filled in by the
/// runner (peak RSS of the process that did the work); <paramref name="Extra"/> holds benchmark-specific figures
/// (e.g. latency percentiles).
/// </summary>
internal sealed record Measurement(
    TimeSpan Elapsed,
    long Rows,
    long? OutputBytes = null,
    long? PeakMemoryBytes = null,
    IReadOnlyDictionary<string, double>? Extra = null);
