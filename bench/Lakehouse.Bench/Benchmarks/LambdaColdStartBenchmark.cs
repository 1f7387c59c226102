using System.Diagnostics;
using System.Globalization;
using Lakehouse.Bench.Harness;
using Lakehouse.Bench.Lambda;
using Lakehouse.Testing;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// Cold start of a function executable: time from starting the process (event already queued in the Runtime API
/// emulator) to its first response being posted, then one warm invoke; for the shipped publish (self-contained,
/// trimmed, ReadyToRun) and for framework-dependent IL (JIT).
/// <c>--opt function=ingest</c> (default): the Ingest function with the ingest sample event against moto_server (S3 GET,
/// YAML, CSV → Parquet → S3, DynamoDB-coordinated Delta commit, StartExecution); <c>function=echo</c>: the test echo
/// function (the runtime's own overhead only). The process reports its phase timestamps (LAKEHOUSE_STARTUP_TRACE), so
/// Extra splits the cold start into <c>*_main_ms</c> (process start → Main: runtime start-up), <c>*_init_ms</c>
/// (settings, logging, clients), <c>*_next_ms</c> (first /next), <c>*_handler_ms</c> and <c>*_post_ms</c>; and
/// <c>*_cold_cpu_ms</c> / <c>*_warm_cpu_ms</c>, the function process's CPU time (on a shared machine the wall times
/// mostly measure the queue for a core; CPU time does not).
/// Elapsed = cold start of the ReadyToRun build (<c>--opt mode=jit</c>: of the JIT build). <c>--opt modes=r2r</c> measures one
/// build only; <c>--opt logs=1</c> prints the function's log lines (timestamps inside the handler).
/// </summary>
internal sealed class LambdaColdStartBenchmark : IBenchmark
{
    private static readonly (PublishMode Mode, string Label)[] Modes = [(PublishMode.SelfContainedReadyToRun, "r2r"), (PublishMode.FrameworkDependent, "jit")];

    public string Name => "lambda-cold-start";

    public string Description => "Ingest (or echo) bootstrap: process start → first response (phases), warm invoke, size; R2R self-contained vs JIT";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => false;

    private static IEnumerable<(PublishMode Mode, string Label)> SelectedModes(BenchContext context) =>
        Modes.Where(m => context.Option("modes", "r2r,jit").Split(',').Contains(m.Label));

    private static string Project(BenchContext context) => context.Option("function", "ingest") switch
    {
        "ingest" => Path.Combine(RepositoryPaths.Root, "functions", "Ingest"),
        "echo" => Path.Combine(RepositoryPaths.Root, "tests", "Lakehouse.Lambda.Tests.EchoFunction"),
        var other => throw new InvalidOperationException($"Unknown function '{other}'; use --opt function=ingest or function=echo."),
    };

    public async Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        // Publishing is untimed and cached (keyed by source hash) in the temp folder.
        foreach (var (mode, _) in SelectedModes(context))
        {
            var published = await FunctionPublisher.PublishAsync(Project(context), mode);
            Console.WriteLine($"  {mode}: {published.Directory} ({published.SizeBytes / 1048576.0:F1} MB{(published.FromCache ? ", cached" : $", published in {published.PublishTime.TotalSeconds:F0} s")})");
        }
    }

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var extra = new Dictionary<string, double>();
        var timedLabel = context.Option("mode", "r2r");
        var ingest = context.Option("function", "ingest") == "ingest";
        await using var deployment = ingest ? await IngestDeployment.StartAsync() : null;
        TimeSpan? timed = null;
        var showLogs = context.Option("logs", "0") == "1";
        foreach (var (mode, label) in SelectedModes(context))
        {
            var published = await FunctionPublisher.PublishAsync(Project(context), mode);
            var run = await MeasureAsync(published, deployment, showLogs);
            if (label == timedLabel)
            {
                timed = run.Cold;
            }

            extra[$"{label}_cold_ms"] = run.Cold.TotalMilliseconds;
            extra[$"{label}_warm_ms"] = run.Warm.TotalMilliseconds;
            extra[$"{label}_rss_mb"] = run.PeakRss / 1048576.0;
            extra[$"{label}_size_mb"] = published.SizeBytes / 1048576.0;
            foreach (var (phase, ms) in run.Phases)
            {
                extra[$"{label}_{phase}_ms"] = ms;
            }
        }

        return new Measurement(
            timed ?? throw new InvalidOperationException($"Mode '{timedLabel}' was not measured; use --opt mode=r2r or mode=jit (and include it in modes)."),
            1,
            (long)(extra[$"{timedLabel}_size_mb"] * 1048576),
            Extra: extra);
    }

    public Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No DuckDB side: this measures a Lambda runtime.");

    private sealed record Run(TimeSpan Cold, TimeSpan Warm, long PeakRss, IReadOnlyList<(string Phase, double Ms)> Phases);

    private static async Task<Run> MeasureAsync(PublishedFunction published, IngestDeployment? deployment, bool showLogs)
    {
        var environment = deployment?.Environment() ?? new Dictionary<string, string?> { ["ECHO_PREFIX"] = "bench:", ["LAKEHOUSE_STARTUP_TRACE"] = "1" };
        if (showLogs)
        {
            environment["POWERTOOLS_LOG_LEVEL"] = "Debug";
        }

        foreach (var pair in (System.Environment.GetEnvironmentVariable("LAKEHOUSE_BENCH_FUNCTION_ENV") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            // e.g. DOTNET_PerfMapEnabled=1 to profile the cold start with perf.
            environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        await using var emulator = new LambdaRuntimeEmulator(deployment is null ? "bench-echo" : "bench-ingest");
        var queued = emulator.InvokeAsync(deployment is null ? """{"message":"cold"}""" : await deployment.LandAndDescribeAsync(), TimeSpan.FromMinutes(1));
        var startedUs = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        var clock = Stopwatch.StartNew();
        await using var process = BootstrapProcess.Start(published, emulator, environment, memoryMb: 1024);
        var first = await queued;
        var cold = clock.Elapsed;
        var coldCpu = CpuTime(process);
        if (first.IsError)
        {
            throw new InvalidOperationException($"The cold invoke failed: {first}");
        }

        var warmEvent = deployment is null ? """{"message":"warm"}""" : await deployment.LandAndDescribeAsync();
        clock.Restart();
        var second = await emulator.InvokeAsync(warmEvent, TimeSpan.FromMinutes(1));
        var warm = clock.Elapsed;
        if (second.IsError)
        {
            throw new InvalidOperationException($"The warm invoke failed: {second}");
        }

        if (showLogs)
        {
            // --opt logs=1: the function's JSON log lines (their timestamps locate the cold costs inside the handler).
            Console.WriteLine($"  process started at {startedUs} µs; its output:");
            foreach (var line in process.StandardOutputLines.Concat(process.StandardErrorLines))
            {
                Console.WriteLine("    " + line);
            }
        }

        var phases = Phases(process, startedUs);
        phases.Add(("cold_cpu", coldCpu.TotalMilliseconds));
        phases.Add(("warm_cpu", (CpuTime(process) - coldCpu).TotalMilliseconds));
        return new Run(cold, warm, PeakRss(process), phases);
    }

    /// <summary>The phase durations from the process's <c>lakehouse-startup</c> line (see StartupTrace in Lakehouse.Lambda).</summary>
    private static List<(string, double)> Phases(BootstrapProcess process, long startedUs)
    {
        var line = process.StandardErrorLines.FirstOrDefault(l => l.StartsWith("lakehouse-startup ", StringComparison.Ordinal));
        if (line is null)
        {
            return [];
        }

        var marks = line["lakehouse-startup ".Length..].Split(' ')
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        var names = new[] { ("main", "main"), ("init", "initialized"), ("next", "next"), ("handler", "handled"), ("post", "posted") };
        var result = new List<(string, double)>();
        var previous = startedUs;
        foreach (var (label, key) in names)
        {
            result.Add((label, (marks[key] - previous) / 1000.0));
            previous = marks[key];
        }

        return result;
    }

    /// <summary>
    /// User + system CPU time of the function process so far (/proc/&lt;pid&gt;/stat, 10 ms ticks): unlike wall time, it
    /// hardly depends on how busy the machine is, and it excludes moto_server's own time.
    /// </summary>
    private static TimeSpan CpuTime(BootstrapProcess process)
    {
        var stat = Path.Combine("/proc", process.ProcessId.ToString(CultureInfo.InvariantCulture), "stat");
        if (!File.Exists(stat))
        {
            return TimeSpan.Zero;
        }

        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
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
