using System.Globalization;

namespace Lakehouse.Cli.Output;

/// <summary>
/// Progress as plain lines for non-interactive output: <c>ingest [3/10] retail/orders/a.csv: staged</c>. One line per
/// item, no ANSI codes, no carriage returns, so logs and tests read it as text.
/// </summary>
internal sealed class PlainProgressDisplay(TextWriter output) : ProgressDisplay, IProgressView
{
    private readonly Lock _gate = new();

    public override Task<T> RunAsync<T>(Func<IProgressView, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(this);
    }

    public void Report(string task, int done, int total, string item)
    {
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{task} [{done}/{total}] {item}"));
        }
    }
}
