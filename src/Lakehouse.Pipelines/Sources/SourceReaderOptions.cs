namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Tuning of source readers. Types are inferred from the first <see cref="InferenceSampleRows"/> records or
/// <see cref="InferenceSampleBytes"/> bytes of each file (whichever ends first); later values that do not fit the
/// inferred type are rescued, never lost. Memory is bounded by the read buffer (it grows only for a record longer
/// than it, up to <see cref="MaxRecordBytes"/>) plus one batch.
/// </summary>
public sealed record SourceReaderOptions(
    int BatchSize = 65_536,
    int InferenceSampleRows = 20_000,
    int InferenceSampleBytes = 8 * 1024 * 1024,
    int BufferBytes = 8 * 1024 * 1024,
    int MaxRecordBytes = 64 * 1024 * 1024,
    int Parallelism = 0)
{
    public static SourceReaderOptions Default { get; } = new();

    /// <summary>
    /// Threads that parse CSV chunks at once (0 = one per processor; 1 = parse on the reading thread). JSON lines are
    /// parsed on the reading thread.
    /// </summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
