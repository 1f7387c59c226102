namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// A pipeline definition is invalid. The message starts with <c>file:line:column</c> and says what is allowed there.
/// </summary>
public sealed class PipelineDefinitionException : LakehouseException
{
    public PipelineDefinitionException(SourcePosition position, string message)
        : base($"{position}: {message}")
    {
        Position = position;
        Reason = message;
    }

    public PipelineDefinitionException(SourcePosition position, string message, Exception? innerException)
        : base($"{position}: {message}", innerException)
    {
        Position = position;
        Reason = message;
    }

    /// <summary>Where the problem is.</summary>
    public SourcePosition Position { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }
}
