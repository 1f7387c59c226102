using Spectre.Console;

namespace Lakehouse.Cli.Output;

/// <summary>Spectre.Console progress bars on the interactive terminal: one bar per task (ingest, transform, vacuum, ...).</summary>
internal sealed class LiveProgressDisplay : ProgressDisplay
{
    public override async Task<T> RunAsync<T>(Func<IProgressView, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(ctx => work(new View(ctx)))
            .ConfigureAwait(false);
    }

    private sealed class View(ProgressContext context) : IProgressView
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(string task, int done, int total, string item)
        {
            lock (_gate)
            {
                if (!_tasks.TryGetValue(task, out var bar))
                {
                    _tasks[task] = bar = context.AddTask(Markup.Escape(task), maxValue: Math.Max(1, total));
                }

                bar.MaxValue = Math.Max(1, total);
                bar.Value = done;
                var detail = item.Length > 40 ? "…" + item[^39..] : item;
                bar.Description = $"{Markup.Escape(task)} [grey]{Markup.Escape(detail)}[/]";
            }
        }
    }
}
