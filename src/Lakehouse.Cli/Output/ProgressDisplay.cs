namespace Lakehouse.Cli.Output;

/// <summary>
/// Shows the progress of long work (ingesting files, pipeline steps, OPTIMIZE, VACUUM): live Spectre progress bars on
/// an interactive terminal, one plain line per step when the output is redirected (logs, pipes, tests), or nothing
/// with <c>--no-progress</c>. Machine-readable outputs (<c>--format json|jsonl|csv</c>) never use it.
/// </summary>
internal abstract class ProgressDisplay
{
    public static ProgressDisplay For(CliContext context, bool disabled)
    {
        ArgumentNullException.ThrowIfNull(context);
        return disabled ? SilentProgressDisplay.Instance
            : context.IsTerminal ? new LiveProgressDisplay()
            : new PlainProgressDisplay(context.Output);
    }

    /// <summary>Runs <paramref name="work"/> with a view to report to; live bars stay on screen when it ends.</summary>
    public abstract Task<T> RunAsync<T>(Func<IProgressView, Task<T>> work);
}
