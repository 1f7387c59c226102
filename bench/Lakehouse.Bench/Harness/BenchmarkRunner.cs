using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Harness;

/// <summary>
/// Runs each side of a benchmark <c>runs</c> times, alternating the sides, every run in a fresh child process of this
/// program (<c>--child</c>), so peak memory and JIT/GC state belong to that run alone.
/// </summary>
internal static class BenchmarkRunner
{
    public static async Task<int> RunAsync(IBenchmark benchmark, BenchContext context, int runs, bool ours, bool duckDb, CancellationToken cancellationToken)
    {
        Console.WriteLine($"# {benchmark.Name}: {benchmark.Description}");
        Console.WriteLine($"rows={context.Rows:N0} threads={context.Threads} runs={runs} cores={Environment.ProcessorCount}");
        await benchmark.PrepareAsync(context, cancellationToken);

        // With both sides, runs alternate (ours, duckdb, ours, ...): noise from other work on the machine then lands
        // on both sides alike instead of on whichever side happened to run during it.
        var sides = new List<string>();
        if (ours && benchmark.HasOurSide)
        {
            sides.Add("ours");
        }

        if (duckDb && benchmark.HasDuckDbSide)
        {
            sides.Add("duckdb");
        }

        var results = sides.Select(side => (Side: side, Runs: new List<Measurement>())).ToList();
        for (var i = 0; i < runs; i++)
        {
            foreach (var (side, list) in results)
            {
                var m = await RunChildProcessAsync(benchmark, context, side, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {side} run {i + 1}: {m.Elapsed.TotalSeconds:F3} s, peak {(m.PeakMemoryBytes ?? 0) / 1048576.0:F0} MB"));
                list.Add(m);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| side | median s | min s | max s | rows/s (median) | peak MB (max) | output MB | extra |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (side, list) in results)
        {
            var times = list.Select(m => m.Elapsed.TotalSeconds).Order().ToArray();
            var median = Median(times);
            var rows = list[0].Rows;
            var peak = list.Max(m => m.PeakMemoryBytes ?? 0) / 1048576.0;
            var output = list[0].OutputBytes is { } o ? (o / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "-";
            var extra = list[^1].Extra is { Count: > 0 } e ? string.Join(", ", e.Select(kv => $"{kv.Key}={kv.Value:G4}")) : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {side} | {median:F3} | {times[0]:F3} | {times[^1]:F3} | {rows / median:N0} | {peak:F0} | {output} | {extra} |"));
        }

        if (results.Count == 2)
        {
            var oursMedian = Median(results[0].Runs.Select(m => m.Elapsed.TotalSeconds).Order().ToArray());
            var duckMedian = Median(results[1].Runs.Select(m => m.Elapsed.TotalSeconds).Order().ToArray());
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"throughput ratio ours/duckdb = {duckMedian / oursMedian:F2} (> 1 means we are faster)"));
            static double MedianCpu(List<Measurement> runs) =>
                Median(runs.Select(m => m.Extra is { } e && e.TryGetValue("cpu_s", out var c) ? c : double.NaN).Order().ToArray());
            var oursCpu = MedianCpu(results[0].Runs);
            var duckCpu = MedianCpu(results[1].Runs);
            if (double.IsFinite(oursCpu) && double.IsFinite(duckCpu))
            {
                // CPU work per row is what decides throughput when the cores are shared; this ratio is steadier than the elapsed one.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cpu efficiency ratio duckdb cpu_s / ours cpu_s = {duckCpu / oursCpu:F2} ({duckCpu:F2} s / {oursCpu:F2} s; > 1 means we use less CPU)"));
            }
        }

        return 0;
    }

    /// <summary>The body of a child process: one run of one side, printed as a JSON line.</summary>
    public static async Task<int> RunChildAsync(IBenchmark benchmark, BenchContext context, string side, CancellationToken cancellationToken)
    {
        Measurement m;
        if (side == "duckdb")
        {
            await using var harness = InteropHarness.Start();
            m = await benchmark.RunDuckDbAsync(context, harness, cancellationToken);
            m = m with { PeakMemoryBytes = await harness.PeakMemoryBytesAsync() };
        }
        else
        {
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var gcBefore = GC.CollectionCount(0);
            m = await benchmark.RunOursAsync(context, cancellationToken);
            self.Refresh();
            // CPU seconds of the run (all threads): a figure that stays comparable when other work shares the cores.
            // alloc_mb and gc0: managed allocation volume and gen-0 collections, the usual source of GC CPU time.
            var extra = new Dictionary<string, double>(m.Extra ?? new Dictionary<string, double>())
            {
                ["cpu_s"] = (self.TotalProcessorTime - cpuBefore).TotalSeconds,
                ["alloc_mb"] = Math.Round((GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1048576.0, 1),
                ["gc0"] = GC.CollectionCount(0) - gcBefore,
            };
            m = m with { PeakMemoryBytes = self.PeakWorkingSet64, Extra = extra };
        }

        var json = new JsonObject
        {
            ["elapsedMs"] = m.Elapsed.TotalMilliseconds,
            ["rows"] = m.Rows,
            ["outputBytes"] = m.OutputBytes,
            ["peakBytes"] = m.PeakMemoryBytes,
        };
        if (m.Extra is not null)
        {
            var extra = new JsonObject();
            foreach (var (k, v) in m.Extra)
            {
                extra[k] = v;
            }

            json["extra"] = extra;
        }

        Console.WriteLine("RESULT " + json.ToJsonString());
        return 0;
    }

    private static async Task<Measurement> RunChildProcessAsync(IBenchmark benchmark, BenchContext context, string side, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot locate this executable.");
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lakehouse-bench.dll"));
        }

        foreach (var arg in new[] { "--child", benchmark.Name, "--side", side, "--rows", context.Rows.ToString(CultureInfo.InvariantCulture), "--threads", context.Threads.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(arg);
        }

        if (context.Options.TryGetValue("heapLimitMb", out var heapLimit))
        {
            // A hard GC heap limit, as the runtime sets itself inside a memory-limited container such as Lambda's.
            psi.Environment["DOTNET_GCHeapHardLimit"] = "0x" + (long.Parse(heapLimit, CultureInfo.InvariantCulture) * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        }

        foreach (var (k, v) in context.Options)
        {
            psi.ArgumentList.Add("--opt");
            psi.ArgumentList.Add($"{k}={v}");
        }

        using var child = Process.Start(psi) ?? throw new InvalidOperationException("Child benchmark process did not start.");
        string? result = null;
        while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = line["RESULT ".Length..];
            }
            else
            {
                Console.WriteLine("    " + line);
            }
        }

        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"{benchmark.Name} ({side}) child process failed with exit code {child.ExitCode}.");
        }

        var json = JsonNode.Parse(result)!;
        var extra = json["extra"]?.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>());
        return new Measurement(
            TimeSpan.FromMilliseconds(json["elapsedMs"]!.GetValue<double>()),
            json["rows"]!.GetValue<long>(),
            json["outputBytes"]?.GetValue<long>(),
            json["peakBytes"]?.GetValue<long>(),
            extra);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
