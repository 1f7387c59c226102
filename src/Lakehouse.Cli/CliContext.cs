using System.CommandLine;
using Lakehouse.Cli.Output;

namespace Lakehouse.Cli;

/// <summary>What commands need from their environment: output writers, environment variables and whether a person watches.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Reads environment variables (the AWS target's fallbacks); the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>True when <see cref="Output"/> is the console on an interactive terminal: progress is drawn as live bars then.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>How this command shows progress: live bars, plain lines, or nothing with <c>--no-progress</c>.</summary>
    internal ProgressDisplay Progress(ParseResult parse) => ProgressDisplay.For(this, parse.GetValue(CliApp.NoProgress));
}
