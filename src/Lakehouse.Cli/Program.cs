using Lakehouse.Cli;

// System.CommandLine turns Ctrl+C into cancellation of the command's token (watch ends its loop).
var context = new CliContext(Console.Out, Console.Error) { IsTerminal = !Console.IsOutputRedirected };
return await CliApp.RunAsync(args, context, CancellationToken.None).ConfigureAwait(false);
