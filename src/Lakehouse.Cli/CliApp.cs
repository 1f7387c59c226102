using System.CommandLine;
using Lakehouse.Cli.Commands;

namespace Lakehouse.Cli;

/// <summary>
/// The <c>lakehouse</c> command line: one command group per file under Commands/. Failures print one line
/// (<c>error: ...</c>) and exit 1; <c>--verbose</c> adds the stack trace.
/// </summary>
public static class CliApp
{
    /// <summary>Shown on every command; prints stack traces on failure.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Print stack traces on failure.", Recursive = true };

    /// <summary>Builds the root command with every command group.</summary>
    public static RootCommand BuildRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("lakehouse: run pipelines locally, inspect and maintain Delta tables.");
        root.Options.Add(Verbose);
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

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = BuildRootCommand(context);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LakehouseException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // The one broad catch, at the process boundary: a failed command is one line unless --verbose.
            await context.Error.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            if (parse.GetValue(Verbose))
            {
                await context.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return 1;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
