using System.CommandLine;
using Lakehouse.Cli.Commands;
using Lakehouse.Cli.Targets;

namespace Lakehouse.Cli;

/// <summary>
/// The <c>lakehouse</c> command line: one command group per file under Commands/. Failures print one line
/// (<c>error: ...</c>) on standard error and exit 1; <c>--verbose</c> adds the stack trace. Global options point
/// commands at AWS (<see cref="TargetOptions"/>) and turn progress display off.
/// </summary>
public static class CliApp
{
    /// <summary>Shown on every command; prints stack traces on failure.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Print stack traces on failure.", Recursive = true };

    /// <summary>Shown on every command; no progress bars or progress lines.</summary>
    public static readonly Option<bool> NoProgress = new("--no-progress") { Description = "Do not show progress (bars on a terminal, lines otherwise).", Recursive = true };

    /// <summary>Builds the root command with every command group.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("lakehouse: run pipelines locally or against S3/DynamoDB, inspect and maintain Delta tables.");
        root.Options.Add(Verbose);
        root.Options.Add(NoProgress);
        foreach (var option in TargetOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(TableCommands.Build(context));
        root.Subcommands.Add(DemoCommand.Build(context));
        foreach (var command in PipelineCommands.Build(context))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(BillingCommands.Build(context));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var context = new CliContext(output, error);
        return await RunAsync(args, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses and runs <paramref name="args"/> in <paramref name="context"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = BuildRootCommand(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            // Parse errors: one line and a pointer to --help, instead of the whole help text.
            var messages = string.Join(" ", parse.Errors.Select(e => e.Message));
            await context.Error.WriteLineAsync($"error: {OneLine(messages)} See '{CommandPath(parse)} --help'.").ConfigureAwait(false);
            return 1;
        }

        var config = new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("error: cancelled.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex)
        {
            // The one broad catch, at the process boundary: a failed command is one line unless --verbose. Exceptions
            // outside the LakehouseException family are unexpected: their type is named so a bug report can say it.
            var message = ex is LakehouseException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException
                ? ex.Message
                : $"{ex.GetType().Name}: {ex.Message}";
            await context.Error.WriteLineAsync("error: " + OneLine(message)).ConfigureAwait(false);
            if (parse.GetValue(Verbose))
            {
                await context.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return 1;
        }
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "lakehouse" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
