using System.Globalization;

namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// Cold-start phase timestamps for the <c>lambda-cold-start</c> benchmark: with <c>LAKEHOUSE_STARTUP_TRACE=1</c> the
/// process writes one line to standard error after its first response is posted,
/// <c>lakehouse-startup main=… initialized=… next=… handled=… posted=…</c> (Unix microseconds, wall clock), so the
/// caller can split "process start → first response" into runtime start, init, first event, handler and post.
/// Off by default: then every call is one static bool test.
/// </summary>
internal static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("LAKEHOUSE_STARTUP_TRACE") == "1";
    private static readonly long[] Marks = new long[5];
    private static int _done;

    public static void Mark(StartupPhase phase)
    {
        if (Enabled && Volatile.Read(ref _done) == 0 && Marks[(int)phase] == 0)
        {
            Marks[(int)phase] = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        }
    }

    /// <summary>Marks <see cref="StartupPhase.Posted"/> and writes the line (once per process).</summary>
    public static void Complete()
    {
        if (!Enabled || Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        Marks[(int)StartupPhase.Posted] = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"lakehouse-startup main={Marks[0]} initialized={Marks[1]} next={Marks[2]} handled={Marks[3]} posted={Marks[4]}"));
    }
}

/// <summary>The phases <see cref="StartupTrace"/> records, in order.</summary>
internal enum StartupPhase
{
    Main,
    Initialized,
    Next,
    Handled,
    Posted,
}
