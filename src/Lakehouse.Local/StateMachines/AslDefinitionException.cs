namespace Lakehouse.Local.StateMachines;

/// <summary>
/// A state machine definition (Amazon States Language) that is invalid or uses a feature the local interpreter does
/// not support. Raised at load time, never mid-execution, and the message names the state and the field.
/// </summary>
public sealed class AslDefinitionException : LakehouseException
{
    public AslDefinitionException(string message)
        : base(message)
    {
    }

    public AslDefinitionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds the message "State 'X' field 'Y': problem" (or "Definition field 'Y': ..." at the top level).</summary>
    internal static AslDefinitionException For(string? state, string field, string problem) =>
        new(state is null ? $"Definition field '{field}': {problem}" : $"State '{state}' field '{field}': {problem}");
}
