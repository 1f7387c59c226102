using System.Diagnostics;
using System.Globalization;

namespace Lakehouse.Testing.Lambda;

/// <summary>
/// A published function's <c>bootstrap</c> running as a real process against a <see cref="LambdaRuntimeEmulator"/>,
/// with the environment Lambda gives a function (AWS_LAMBDA_RUNTIME_API, function name, memory, log group, region)
/// plus the caller's variables. Standard output (the JSON log lines) and error are captured line by line.
/// </summary>
public sealed class BootstrapProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BootstrapProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The operating-system process id (e.g. to read /proc/&lt;pid&gt;/status).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public IReadOnlyList<string> StandardOutputLines
    {
        get
        {
            lock (_stdout)
            {
                return [.. _stdout];
            }
        }
    }

    public IReadOnlyList<string> StandardErrorLines
    {
        get
        {
            lock (_stderr)
            {
                return [.. _stderr];
            }
        }
    }

    /// <summary>Starts the function. Its exit abandons the emulator's pending invokes (with the captured output in the message).</summary>
    public static BootstrapProcess Start(PublishedFunction function, LambdaRuntimeEmulator emulator, IReadOnlyDictionary<string, string?>? environment = null, int memoryMb = 256)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(emulator);
        var psi = new ProcessStartInfo(function.Executable)
        {
            WorkingDirectory = function.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in function.Arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApi;
        psi.Environment["AWS_LAMBDA_FUNCTION_NAME"] = emulator.FunctionName;
        psi.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        psi.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memoryMb.ToString(CultureInfo.InvariantCulture);
        psi.Environment["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + emulator.FunctionName;
        psi.Environment["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/22/[$LATEST]" + Guid.NewGuid().ToString("N");
        psi.Environment["AWS_REGION"] = "us-east-1";
        psi.Environment["LAMBDA_TASK_ROOT"] = function.Directory;
        psi.Environment["_HANDLER"] = "bootstrap";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                psi.Environment.Remove(name);
            }
            else
            {
                psi.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var running = new BootstrapProcess(process);
        process.OutputDataReceived += (_, e) => Remember(running._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(running._stderr, e.Data);
        process.Exited += (_, _) =>
        {
            // Let the output readers drain before describing the exit.
            process.WaitForExit();
            var code = process.ExitCode;
            emulator.Abandon(new InvalidOperationException(
                $"The function process exited with code {code}. stderr:\n{string.Join('\n', running.StandardErrorLines)}\nstdout:\n{string.Join('\n', running.StandardOutputLines.TakeLast(20))}"));
            running._exited.TrySetResult(code);
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {function.Executable}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Sends SIGTERM (what Lambda sends before shutting a sandbox down) and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync();
        return await _exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the process (SIGKILL, as Lambda does after a timeout) and waits for it.</summary>
    public async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static void Remember(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }
}
