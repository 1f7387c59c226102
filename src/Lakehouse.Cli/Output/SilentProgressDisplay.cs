namespace Lakehouse.Cli.Output;

/// <summary>Progress that shows nothing (<c>--no-progress</c>).</summary>
internal sealed class SilentProgressDisplay : ProgressDisplay, IProgressView
{
    public static readonly SilentProgressDisplay Instance = new();

    public override Task<T> RunAsync<T>(Func<IProgressView, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(this);
    }

    public void Report(string task, int done, int total, string item)
    {
    }
}
