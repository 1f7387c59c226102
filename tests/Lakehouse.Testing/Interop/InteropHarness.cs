using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lakehouse.Testing.Interop;

/// <summary>
/// Client of tests/interop/harness.mjs: a long-lived Node process with DuckDB (@duckdb/node-api) and hyparquet,
/// the independent Parquet implementations our files are checked against. One request at a time per harness.
/// <see cref="Shared"/> is one process per test assembly; benchmarks create their own.
/// Installs the npm packages on first use when node_modules is missing.
/// </summary>
public sealed class InteropHarness : IAsyncDisposable, IDisposable
{
    private static readonly Lazy<InteropHarness> SharedLazy = new(() => Start());
    private readonly Process _process;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _stderr = [];
    private long _nextId;

    private InteropHarness(Process process)
    {
        _process = process;
    }

    /// <summary>The harness shared by all tests of this process.</summary>
    public static InteropHarness Shared => SharedLazy.Value;

    /// <summary>tests/interop in the repository.</summary>
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "interop");

    /// <summary>Starts a new harness process (installing npm packages first when needed).</summary>
    public static InteropHarness Start()
    {
        EnsureInstalled();
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("harness.mjs");
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js (node) is not on PATH; the interop tests need Node 20+ to run DuckDB and hyparquet.", ex);
        }

        var harness = new InteropHarness(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (harness._stderr)
                {
                    harness._stderr.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        return harness;
    }

    /// <summary>Reads a Parquet file with hyparquet (all columns, or the named ones).</summary>
    public async Task<HyparquetResult> ReadWithHyparquetAsync(string path, IReadOnlyList<string>? columns = null)
    {
        var request = new JsonObject { ["op"] = "hyparquet.read", ["path"] = Path.GetFullPath(path) };
        if (columns is not null)
        {
            request["columns"] = new JsonArray(columns.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        }

        var result = await SendAsync(request);
        return new HyparquetResult(
            result["schema"]!.AsArray(),
            result["rows"]!.AsArray(),
            result["numRows"]!.GetValue<long>(),
            result["metadata"]!.AsObject());
    }

    /// <summary>Runs a DuckDB query and returns its rows.</summary>
    public async Task<DuckDbResult> QueryDuckDbAsync(string sql)
    {
        var result = await SendAsync(new JsonObject { ["op"] = "duckdb.query", ["sql"] = sql });
        return new DuckDbResult(
            result["columns"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(),
            result["types"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(),
            result["rows"]!.AsArray());
    }

    /// <summary>Runs a DuckDB statement (COPY, SET, CREATE ...); returns the time DuckDB spent on it.</summary>
    public async Task<TimeSpan> ExecuteDuckDbAsync(string sql)
    {
        var result = await SendAsync(new JsonObject { ["op"] = "duckdb.exec", ["sql"] = sql });
        return TimeSpan.FromMilliseconds(result["elapsedMs"]!.GetValue<double>());
    }

    /// <summary>Peak resident memory of the Node process so far, in bytes.</summary>
    public async Task<long> PeakMemoryBytesAsync()
    {
        var result = await SendAsync(new JsonObject { ["op"] = "process.stats" });
        return result["maxRssBytes"]!.GetValue<long>();
    }

    /// <summary>CPU seconds (user + system, all threads) the harness process has used so far; take differences around a statement.</summary>
    public async Task<double> CpuSecondsAsync()
    {
        var result = await SendAsync(new JsonObject { ["op"] = "process.stats" });
        return result["cpuSeconds"]!.GetValue<double>();
    }

    /// <summary>Quotes a path or text as a SQL string literal.</summary>
    public static string SqlString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private async Task<JsonNode> SendAsync(JsonObject request)
    {
        await _gate.WaitAsync();
        try
        {
            var id = Interlocked.Increment(ref _nextId);
            request["id"] = id;
            await _process.StandardInput.WriteLineAsync(request.ToJsonString());
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"The interop harness exited (code {(_process.HasExited ? _process.ExitCode : -1)}). stderr:\n{Stderr()}");
            var response = JsonNode.Parse(line)!.AsObject();
            if (response["id"]?.GetValue<long>() != id)
            {
                throw new InvalidOperationException($"Interop harness answered out of order: {line}");
            }

            if (response["ok"]!.GetValue<bool>() != true)
            {
                throw new InteropException($"{request["op"]} failed: {response["error"]}");
            }

            return response["result"]!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return string.Join('\n', _stderr.TakeLast(30));
        }
    }

    /// <summary>Runs <c>npm install</c> in tests/interop when its packages are missing; serialized across processes by a lock file.</summary>
    public static void EnsureInstalled()
    {
        var marker = Path.Combine(Directory, "node_modules", "@duckdb", "node-api", "package.json");
        if (File.Exists(marker) && File.Exists(Path.Combine(Directory, "node_modules", "hyparquet-compressors", "package.json")))
        {
            return;
        }

        using var lockFile = AcquireLock(Path.Combine(Path.GetTempPath(), "lakehouse-interop-npm.lock"));
        if (File.Exists(marker) && File.Exists(Path.Combine(Directory, "node_modules", "hyparquet-compressors", "package.json")))
        {
            return;
        }

        var psi = new ProcessStartInfo("npm")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Not 'npm ci': the registry mirror lacks DuckDB's other-platform optional bindings, so the lock file cannot
        // list them and 'npm ci' rejects it; 'install --no-save' installs the pinned versions without rewriting the lock.
        foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--no-save" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(psi) ?? throw new InvalidOperationException("npm did not start.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException("npm install in tests/interop did not finish within 5 minutes.");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                string.Format(CultureInfo.InvariantCulture, "npm install in {0} failed with exit code {1}:\n{2}\n{3}", Directory, npm.ExitCode, stdout.Result, stderr.Result));
        }
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < TimeSpan.FromMinutes(6))
            {
                Thread.Sleep(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        await Task.CompletedTask;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _gate.Dispose();
    }
}
