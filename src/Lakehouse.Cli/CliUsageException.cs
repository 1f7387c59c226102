namespace Lakehouse.Cli;

/// <summary>A command cannot run as given (a missing or invalid option); the message says what to pass.</summary>
public sealed class CliUsageException : LakehouseException
{
    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
