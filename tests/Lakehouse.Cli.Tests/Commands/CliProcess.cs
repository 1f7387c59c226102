using System.Diagnostics;
using System.Text;

namespace Lakehouse.Cli.Tests.Commands;

/// <summary>Runs the built <c>lakehouse</c> CLI as a real process (<c>dotnet lakehouse.dll ...</c>) in a working folder.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_out) { _out.AppendLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_err) { _err.AppendLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_out) { return _out.ToString(); } } }

    public string Error { get { lock (_err) { return _err.ToString(); } } }

    public static CliProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    /// <summary>Starts the CLI with <paramref name="environment"/> added to (null values: removed from) the test's environment.</summary>
    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
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

        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lakehouse.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return new CliProcess(Process.Start(psi)!);
    }

    /// <summary>Runs to completion (at most 3 minutes) and returns the exit code and output.</summary>
    public static Task<(int Exit, string Out, string Err)> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);

    /// <summary>Runs to completion with <paramref name="environment"/> (see <see cref="Start(string, IReadOnlyDictionary{string, string?}?, string[])"/>).</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var p = Start(workingDirectory, environment, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p._process.WaitForExitAsync(timeout.Token);
        p._process.WaitForExit();
        return (p._process.ExitCode, p.Output, p.Error);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling), at most <paramref name="limit"/>.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return condition();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
