using Spectre.Console;

namespace Lakehouse.Cli.Output;

/// <summary>Spectre consoles that write plain text (no ANSI codes) to a given writer, so output is testable and pipeable.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }
}
