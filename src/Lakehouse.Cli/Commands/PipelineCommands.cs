using System.CommandLine;
using System.Globalization;
using Lakehouse.Cli.Output;
using Lakehouse.Local.StateMachines;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse run|watch|drop</c>: run pipelines in-process on a local workspace (the embedded default) or on the
/// landing and lake buckets of an AWS target (<c>--lake</c>, <c>--landing</c>; see <see cref="Targets.TargetOptions"/>).
/// </summary>
internal static class PipelineCommands
{
    public static Option<string?> WorkspaceOption() =>
        new("--workspace", "-w") { Description = "Local workspace folder (landing/, lake/, logs/). Default: derived from the definition's location. Wins over --lake/LAKE_BUCKET." };

    public static IEnumerable<Command> Build(CliContext context) => [Run(context), Watch(context), Drop(context)];

    private static Argument<string> DefinitionArgument() =>
        new("pipeline") { Description = "Pipeline definition: a YAML file, or a name under <workspace>/pipelines/ (on S3: the lake bucket's _pipelines/<name>.yaml)." };

    private static Command Run(CliContext context)
    {
        var definition = DefinitionArgument();
        var workspace = WorkspaceOption();
        var force = new Option<bool>("--force-transforms") { Description = "Run silver and gold even when no new file arrived." };
        var command = new Command("run", "Ingest every new file of the landing folder or bucket once, then run silver and gold through the state machine.") { definition, workspace, force };
        command.SetAction(async (parse, ct) =>
        {
            using var session = await PipelineSession.OpenAsync(context, parse, parse.GetRequiredValue(definition), parse.GetValue(workspace), "run", ct);
            var result = await session.RunAsync(context.Progress(parse), parse.GetValue(force), ct);
            RunSummaryPrinter.Print(Consoles.For(context.Output), result);
            return result.Execution is { Status: not ExecutionStatus.Succeeded } ? 1 : 0;
        });
        return command;
    }

    private static Command Watch(CliContext context)
    {
        var definition = DefinitionArgument();
        var workspace = WorkspaceOption();
        var interval = new Option<double>("--interval") { Description = "Seconds between polls of the landing folder or bucket.", DefaultValueFactory = _ => 2.0 };
        var command = new Command("watch", "Poll the landing folder or bucket and run the pipeline whenever files arrive (Ctrl+C stops).") { definition, workspace, interval };
        command.SetAction(async (parse, ct) =>
        {
            using var session = await PipelineSession.OpenAsync(context, parse, parse.GetRequiredValue(definition), parse.GetValue(workspace), "watch", ct);
            var console = Consoles.For(context.Output);
            var delay = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(interval)));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"watching {session.LandingDescription} for pipeline '{session.Pipeline.Name}' every {delay.TotalSeconds:0.#} s (Ctrl+C to stop)"));
            await context.Output.FlushAsync(ct);
            var progress = context.Progress(parse);
            while (!ct.IsCancellationRequested)
            {
                var result = await session.RunAsync(progress, forceTransforms: false, ct);
                if (!result.NothingNew || result.Ingestion.Quarantined.Count > 0)
                {
                    RunSummaryPrinter.Print(console, result);
                }

                await context.Output.FlushAsync(ct);
                try
                {
                    await Task.Delay(delay, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Drop(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The file to drop into the landing folder or bucket." };
        var pipeline = new Option<string>("--pipeline", "-p") { Description = "Pipeline definition (YAML path, or a name under <workspace>/pipelines/ or the lake bucket's _pipelines/).", Required = true };
        var source = new Option<string>("--source", "-s") { Description = "The source whose landing path receives the file.", Required = true };
        var uploadOnly = new Option<bool>("--upload-only") { Description = "Only put the file into the landing path; do not ingest or run (e.g. when the deployed Ingest function is triggered by the upload)." };
        var workspace = WorkspaceOption();
        var command = new Command("drop", "Upload a file into a source's landing path (local folder or S3 landing bucket) and process it as the Ingest function would.")
        {
            file, pipeline, source, uploadOnly, workspace,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var session = await PipelineSession.OpenAsync(context, parse, parse.GetRequiredValue(pipeline), parse.GetValue(workspace), "drop", ct);
            var key = await session.Runner.DropAsync(parse.GetRequiredValue(file), parse.GetRequiredValue(source), ct);
            await context.Output.WriteLineAsync($"dropped {session.Workspace.Landing.Describe(key)}");
            if (parse.GetValue(uploadOnly))
            {
                return 0;
            }

            var result = await session.RunAsync(context.Progress(parse), forceTransforms: false, ct);
            RunSummaryPrinter.Print(Consoles.For(context.Output), result);
            return result.Execution is { Status: not ExecutionStatus.Succeeded } ? 1 : 0;
        });
        return command;
    }
}
