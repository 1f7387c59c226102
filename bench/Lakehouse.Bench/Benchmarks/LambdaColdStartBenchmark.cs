using System.Diagnostics;
using System.Globalization;
using Lakehouse.Bench.Harness;
using Lakehouse.Testing;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// Cold start of a function executable: time from starting the process (event already queued in the Runtime API
/// emulator) to its first response being posted, then one warm invoke; for the shipped publish (self-contained,
/// trimmed, ReadyToRun) and for framework-dependent IL (JIT). The function is the test echo function, so the figures
/// are the runtime's own overhead (host, settings, logging, JSON, HTTP), not business logic.
/// Elapsed = cold start of the ReadyToRun build (<c>--opt mode=jit</c>: of the JIT build, so both get a median);
/// Extra holds both builds' figures and artifact sizes of the last run.
/// </summary>
internal sealed class LambdaColdStartBenchmark : IBenchmark
{
    private static string Project => Path.Combine(RepositoryPaths.Root, "tests", "Lakehouse.Lambda.Tests.EchoFunction");

    public string Name => "lambda-cold-start";

    public string Description => "Echo bootstrap: process start → first response, warm invoke, size; R2R self-contained vs JIT";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => false;

    public async Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        // Publishing is untimed and cached (keyed by source hash) in the temp folder.
        foreach (var mode in new[] { PublishMode.SelfContainedReadyToRun, PublishMode.FrameworkDependent })
        {
            var published = await FunctionPublisher.PublishAsync(Project, mode);
            Console.WriteLine($"  {mode}: {published.Directory} ({published.SizeBytes / 1048576.0:F1} MB{(published.FromCache ? ", cached" : $", published in {published.PublishTime.TotalSeconds:F0} s")})");
        }
    }

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var extra = new Dictionary<string, double>();
        var timedLabel = context.Option("mode", "r2r");
        TimeSpan? timed = null;
        foreach (var (mode, label) in new[] { (PublishMode.SelfContainedReadyToRun, "r2r"), (PublishMode.FrameworkDependent, "jit") })
        {
            var published = await FunctionPublisher.PublishAsync(Project, mode);
            var (cold, warm, peakRss) = await MeasureAsync(published);
            if (label == timedLabel)
            {
                timed = cold;
            }

            extra[$"{label}_cold_ms"] = cold.TotalMilliseconds;
            extra[$"{label}_warm_ms"] = warm.TotalMilliseconds;
            extra[$"{label}_rss_mb"] = peakRss / 1048576.0;
            extra[$"{label}_size_mb"] = published.SizeBytes / 1048576.0;
        }

        return new Measurement(
            timed ?? throw new InvalidOperationException($"Unknown mode '{timedLabel}'; use --opt mode=r2r or mode=jit."),
            1,
            (long)(extra[$"{timedLabel}_size_mb"] * 1048576),
            Extra: extra);
    }

    public Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No DuckDB side: this measures a Lambda runtime.");

    private static async Task<(TimeSpan Cold, TimeSpan Warm, long PeakRss)> MeasureAsync(PublishedFunction published)
    {
        await using var emulator = new LambdaRuntimeEmulator("bench-echo");
        var queued = emulator.InvokeAsync("""{"message":"cold"}""");
        var clock = Stopwatch.StartNew();
        await using var process = BootstrapProcess.Start(published, emulator, new Dictionary<string, string?> { ["ECHO_PREFIX"] = "bench:" }, memoryMb: 1024);
        var first = await queued;
        var cold = clock.Elapsed;
        if (first.IsError)
        {
            throw new InvalidOperationException($"The cold invoke failed: {first}");
        }

        clock.Restart();
        var second = await emulator.InvokeAsync("""{"message":"warm"}""");
        var warm = clock.Elapsed;
        if (second.IsError)
        {
            throw new InvalidOperationException($"The warm invoke failed: {second}");
        }

        return (cold, warm, PeakRss(process));
    }

    private static long PeakRss(BootstrapProcess process)
    {
        var status = Path.Combine("/proc", process.ProcessId.ToString(CultureInfo.InvariantCulture), "status");
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
