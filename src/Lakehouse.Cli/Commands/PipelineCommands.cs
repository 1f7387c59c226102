using System.CommandLine;
using System.Globalization;
using Lakehouse.Cli.Output;
using Lakehouse.Local.StateMachines;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse run|watch|drop</c>: run pipelines on the local workspace (the embedded default).</summary>
internal static class PipelineCommands
{
    public static Option<string?> WorkspaceOption() =>
        new("--workspace", "-w") { Description = "Workspace folder (landing/, lake/, logs/). Default: derived from the definition's location." };

    public static IEnumerable<Command> Build(CliContext context) => [Run(context), Watch(context), Drop(context)];

    private static Argument<string> DefinitionArgument() =>
        new("pipeline") { Description = "Pipeline definition: a YAML file, or a name under <workspace>/pipelines/." };

    private static Command Run(CliContext context)
    {
        var definition = DefinitionArgument();
        var workspace = WorkspaceOption();
        var force = new Option<bool>("--force-transforms") { Description = "Run silver and gold even when no new file arrived." };
        var command = new Command("run", "Ingest every new file of the landing folder once, then run silver and gold through the state machine.") { definition, workspace, force };
        command.SetAction(async (parse, ct) =>
        {
            var session = await LocalSession.OpenAsync(parse.GetRequiredValue(definition), parse.GetValue(workspace), ct);
            var result = await session.Runner.RunAsync(parse.GetValue(force), ct);
            RunSummaryPrinter.Print(Consoles.For(context.Output), result);
            return result.Execution is { Status: not ExecutionStatus.Succeeded } ? 1 : 0;
        });
        return command;
    }

    private static Command Watch(CliContext context)
    {
        var definition = DefinitionArgument();
        var workspace = WorkspaceOption();
        var interval = new Option<double>("--interval") { Description = "Seconds between polls of the landing folder.", DefaultValueFactory = _ => 2.0 };
        var command = new Command("watch", "Poll the landing folder and run the pipeline whenever files arrive (Ctrl+C stops).") { definition, workspace, interval };
        command.SetAction(async (parse, ct) =>
        {
            var session = await LocalSession.OpenAsync(parse.GetRequiredValue(definition), parse.GetValue(workspace), ct);
            var console = Consoles.For(context.Output);
            var delay = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(interval)));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"watching {session.Workspace.LandingDirectory} for pipeline '{session.Pipeline.Name}' every {delay.TotalSeconds:0.#} s (Ctrl+C to stop)"));
            await context.Output.FlushAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                var result = await session.Runner.RunAsync(forceTransforms: false, ct);
                if (!result.NothingNew || result.Ingestion.Quarantined.Count > 0)
                {
                    RunSummaryPrinter.Print(console, result);
                    await context.Output.FlushAsync(ct);
                }

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
        var file = new Argument<string>("file") { Description = "The file to drop into the landing folder." };
        var pipeline = new Option<string>("--pipeline", "-p") { Description = "Pipeline definition (YAML path or name under <workspace>/pipelines/).", Required = true };
        var source = new Option<string>("--source", "-s") { Description = "The source whose landing path receives the file.", Required = true };
        var workspace = WorkspaceOption();
        var command = new Command("drop", "Simulate an S3 upload: copy a file into a source's landing path and process it as the Ingest function would.") { file, pipeline, source, workspace };
        command.SetAction(async (parse, ct) =>
        {
            var session = await LocalSession.OpenAsync(parse.GetRequiredValue(pipeline), parse.GetValue(workspace), ct);
            var key = await session.Runner.DropAsync(parse.GetRequiredValue(file), parse.GetRequiredValue(source), ct);
            await context.Output.WriteLineAsync($"dropped {key}");
            var result = await session.Runner.RunAsync(forceTransforms: false, ct);
            RunSummaryPrinter.Print(Consoles.For(context.Output), result);
            return result.Execution is { Status: not ExecutionStatus.Succeeded } ? 1 : 0;
        });
        return command;
    }
}
